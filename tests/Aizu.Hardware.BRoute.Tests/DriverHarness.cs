using System.Threading.Channels;
using Aizu.Hardware.Simulators.BRoute;
using Aizu.Hardware.Skstack;
using Aizu.Readings;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aizu.Hardware.BRoute.Tests;

/// <summary>The real driver against the simulated dongle over a real pseudo-terminal.</summary>
internal sealed class DriverHarness : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Reading> _readings = Channel.CreateUnbounded<Reading>();
    private readonly List<Reading> _seen = [];
    private Task? _driverTask;

    private DriverHarness(SimulatedWiSunDongle dongle, BRouteOptions options, string directory)
    {
        Dongle = dongle;
        Options = options;
        Directory = directory;
    }

    public SimulatedWiSunDongle Dongle { get; }

    public BRouteOptions Options { get; }

    public string Directory { get; }

    public CapturingLogger<BRouteDriver> Log { get; } = new();

    public static async Task<DriverHarness> StartSimulatorAsync(
        SkstackDialect dialect = SkstackDialect.Bp35A1,
        SkstackDataFormat format = SkstackDataFormat.HexAscii,
        string? password = null)
    {
        string directory = Path.Combine(Path.GetTempPath(), "aizu-broute-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var simulatorOptions = new SimulatedDongleOptions
        {
            Dialect = dialect,
            DataFormat = format,
            DevicePath = Path.Combine(directory, "ttyWiSUN"),
            LatencyScale = 0.05,
        };
        var dongle = await BRouteSimulation.StartAsync(simulatorOptions, TimeProvider.System, null, CancellationToken.None);
        var options = new BRouteOptions
        {
            DevicePath = dongle.DevicePath,
            Dialect = dialect,
            RouteBId = simulatorOptions.RouteBId,
            Password = password ?? simulatorOptions.Password,
            PowerInterval = TimeSpan.FromMilliseconds(200),
            EnergyInterval = TimeSpan.FromSeconds(1),
            ResponseTimeout = TimeSpan.FromMilliseconds(800),
            CommandTimeout = TimeSpan.FromSeconds(2),
            JoinTimeout = TimeSpan.FromSeconds(5),
            MaxMissedResponses = 2,
            MaxRetryDelay = TimeSpan.FromSeconds(1),
            PanCachePath = Path.Combine(directory, "pan.json"),
        };
        return new DriverHarness(dongle, options, directory);
    }

    public void StartDriver(TimeProvider? time = null, IPanStore? panStore = null)
    {
        var driver = new BRouteDriver(
            Microsoft.Extensions.Options.Options.Create(Options),
            panStore ?? new JsonFilePanStore(Options.PanCachePath, NullLogger<JsonFilePanStore>.Instance),
            time ?? TimeProvider.System,
            Log);
        _driverTask = driver.RunAsync(_readings.Writer, _stop.Token);
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
            throw new TimeoutException($"No {series} reading within {WaitLimit}. Driver log:{Environment.NewLine}{string.Join(Environment.NewLine, Log.Entries.Select(e => $"{e.Level}: {e.Message}"))}");
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

    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? WaitLimit);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}. Driver log:{Environment.NewLine}{string.Join(Environment.NewLine, Log.Entries.Select(e => $"{e.Level}: {e.Message}"))}");
            }

            Drain();
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopDriverAsync();
        await Dongle.DisposeAsync();
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
}
