using System.Threading.Channels;
using Aizu.Hardware.Simulators.Sml;
using Aizu.Readings;

namespace Aizu.Hardware.Sml.Tests;

/// <summary>The real driver against the simulated SML meter over a real pseudo-terminal.</summary>
internal sealed class DriverHarness : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Reading> _readings = Channel.CreateUnbounded<Reading>();
    private readonly List<Reading> _seen = [];
    private Task? _driverTask;

    private DriverHarness(SimulatedSmlMeter meter, SmlOptions options, string directory)
    {
        Meter = meter;
        Options = options;
        Directory = directory;
    }

    public SimulatedSmlMeter Meter { get; }

    public SmlOptions Options { get; }

    public string Directory { get; }

    public SmlMeterSource? Driver { get; private set; }

    public CapturingLogger<SmlMeterSource> Log { get; } = new();

    /// <summary>What the driver writes, for a test that files readings itself (see <see cref="StampedReadings"/>).</summary>
    public ChannelReader<Reading> Readings => _readings.Reader;

    public static async Task<DriverHarness> StartSimulatorAsync()
    {
        string directory = Path.Combine(Path.GetTempPath(), "aizu-sml-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var meter = await SmlSimulation.StartAsync(
            new SimulatedSmlOptions
            {
                DevicePath = Path.Combine(directory, "ttyIR"),
                PushInterval = TimeSpan.FromMilliseconds(100),
            },
            TimeProvider.System,
            CancellationToken.None);
        var options = new SmlOptions
        {
            DevicePath = meter.DevicePath,
            PowerInterval = TimeSpan.FromMilliseconds(1),
            EnergyInterval = TimeSpan.FromMilliseconds(1),
            // A frame takes about half a second at 9600 baud; a loaded CI machine needs headroom before
            // two cut-off frames in a row look like a silent read head.
            SilenceTimeout = TimeSpan.FromSeconds(3),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        };
        return new DriverHarness(meter, options, directory);
    }

    public void StartDriver(TimeProvider? time = null)
    {
        Driver = new SmlMeterSource(Microsoft.Extensions.Options.Options.Create(Options), time ?? TimeProvider.System, Log);
        _driverTask = Driver.RunAsync(_readings.Writer, _stop.Token);
    }

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
        await _stop.CancelAsync();
        if (_driverTask is not null)
        {
            await _driverTask.WaitAsync(WaitLimit);
        }

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
