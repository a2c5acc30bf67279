using System.Threading.Channels;
using Aizu.Hardware.Serial.Tty;
using Aizu.Hardware.Simulators.Dsmr;
using Aizu.Readings;

namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>The real driver against the simulated P1 meter over a real pseudo-terminal.</summary>
internal sealed class DriverHarness : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Reading> _readings = Channel.CreateUnbounded<Reading>();
    private readonly List<Reading> _seen = [];
    private Task? _driverTask;

    private DriverHarness(SimulatedP1Meter meter, DsmrOptions options, string directory)
    {
        Meter = meter;
        Options = options;
        Directory = directory;
    }

    public SimulatedP1Meter Meter { get; }

    public DsmrOptions Options { get; }

    public string Directory { get; }

    public DsmrMeterSource? Driver { get; private set; }

    public CapturingLogger<DsmrMeterSource> Log { get; } = new();

    /// <summary>What the driver writes, for a test that files readings itself (see <see cref="StampedReadings"/>).</summary>
    public ChannelReader<Reading> Readings => _readings.Reader;

    public static async Task<DriverHarness> StartSimulatorAsync(DsmrProtocol protocol = DsmrProtocol.Dsmr5, bool water = false)
    {
        string directory = Path.Combine(Path.GetTempPath(), "aizu-dsmr-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var meter = await DsmrSimulation.StartAsync(
            new SimulatedP1Options
            {
                Protocol = protocol,
                DevicePath = Path.Combine(directory, "ttyP1"),
                TelegramInterval = TimeSpan.FromMilliseconds(100),
                WaterMeter = water,
                Household = new EuropeanHouseholdProfile { SolarPeakWatts = 3000 },
            },
            TimeProvider.System,
            CancellationToken.None);
        var options = new DsmrOptions
        {
            DevicePath = meter.DevicePath,
            Protocol = protocol,
            PowerInterval = TimeSpan.FromMilliseconds(1),
            EnergyInterval = TimeSpan.FromMilliseconds(1),
            SilenceTimeout = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        };
        return new DriverHarness(meter, options, directory);
    }

    public void StartDriver(TimeProvider? time = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Driver = Options.Protocol == DsmrProtocol.Dsmr22
            // A pty cannot carry parity (Linux forces CS8, glibc then fails 7E1 with EINVAL): same path, 8N1 at 9600.
            ? new DsmrMeterSource(options, time ?? TimeProvider.System, Log, path => SerialDevice.Open(path, new SerialSettings(9600)))
            : new DsmrMeterSource(options, time ?? TimeProvider.System, Log);
        _driverTask = Driver.RunAsync(_readings.Writer, _stop.Token);
    }

    public async Task StopDriverAsync()
    {
        await _stop.CancelAsync();
        if (_driverTask is not null)
        {
            await _driverTask.WaitAsync(WaitLimit);
        }
    }

    /// <summary>Waits for the next reading of <paramref name="series"/> that satisfies <paramref name="predicate"/>.</summary>
    public async Task<Reading> NextAsync(string series, Func<Reading, bool>? predicate = null)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        try
        {
            while (true)
            {
                var reading = await _readings.Reader.ReadAsync(timeout.Token);
                _seen.Add(reading);
                if (reading.Series == series && (predicate is null || predicate(reading)))
                {
                    return reading;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {series} reading within {WaitLimit}. Driver log:{Environment.NewLine}{LogText()}");
        }
    }

    /// <summary>Readings received so far plus whatever is queued now.</summary>
    public IReadOnlyList<Reading> Drain()
    {
        while (_readings.Reader.TryRead(out var reading))
        {
            _seen.Add(reading);
        }

        return _seen;
    }

    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}. Driver log:{Environment.NewLine}{LogText()}");
            }

            Drain();
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopDriverAsync();
        await Meter.DisposeAsync();
        _stop.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private string LogText() => string.Join(Environment.NewLine, Log.Entries.Select(e => $"{e.Level}: {e.Message}"));
}
