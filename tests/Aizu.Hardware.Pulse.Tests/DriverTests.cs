namespace Aizu.Hardware.Pulse.Tests;

/// <summary>The real pulse counter against the simulated S0 output through the GpioDriver interface, on a fake clock so
/// every edge (bounce included) happens at an exact time.</summary>
public sealed class DriverTests : IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aizu-pulse-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly Channel<Reading> _readings = Channel.CreateUnbounded<Reading>();
    private readonly CapturingLogger<PulseMeterSource> _log = new();

    [Fact]
    public async Task BouncedPulsesAt3600W_CountOncePerPulse_AndPowerAndEnergyFollow()
    {
        using var meter = StartMeter(watts: 3600);
        var (source, run, stop) = await StartDriverAsync(meter);

        await AdvanceAsync(TimeSpan.FromSeconds(65));

        Assert.Equal(meter.PulsesSent, source.Pulses);
        Assert.InRange(source.Pulses, 64, 65);
        Assert.True(source.RejectedEdges >= 4 * source.Pulses, "bounce edges were seen and rejected");
        var power = await NextAsync(SeriesNames.ElectricPower);
        Assert.InRange(power.Value, 3590, 3610);
        var energy = await NextAsync(SeriesNames.ElectricImportEnergy);
        Assert.InRange(energy.Value, 0.001, meter.EnergySent);
        Assert.Equal(0, Math.Round(energy.Value * 1000, 6) % 1);
        await StopAsync(run, stop);
    }

    [Fact]
    public async Task Restart_ContinuesFromTheSavedCount_NeitherLosingNorDoublingEnergy()
    {
        using var meter = StartMeter(watts: 7200);
        var (first, run, stop) = await StartDriverAsync(meter);
        await AdvanceAsync(TimeSpan.FromSeconds(20));
        var before = await NextAsync(SeriesNames.ElectricImportEnergy);
        await StopAsync(run, stop);
        long counted = first.Pulses;
        Assert.Equal(meter.PulsesSent, counted);

        // Pulses while the gateway is down are missed by any counter; the saved ones are all kept.
        meter.SetSilent(true);
        var (second, run2, stop2) = await StartDriverAsync(meter);
        await WaitUntilAsync(() => second.Pulses == counted, "the count was loaded");
        meter.SetSilent(false);
        await AdvanceAsync(TimeSpan.FromSeconds(65));
        var after = await NextAsync(SeriesNames.ElectricImportEnergy, r => r.Timestamp > before.Timestamp);

        Assert.True(after.Value >= before.Value, "the register never runs backwards across a restart");

        // A pulse that began while the first counter ran and ended under the second is missed, never doubled.
        Assert.InRange(second.Pulses, meter.PulsesSent - 1, meter.PulsesSent);
        Assert.InRange(after.Value, counted / 1000.0, meter.PulsesSent / 1000.0);
        await StopAsync(run2, stop2);
    }

    [Fact]
    public async Task ChangedMeterConstant_KeepsTheEnergyCountedSoFar()
    {
        var store = new JsonFilePulseCountStore(Path.Combine(_directory, "count.json"), new CapturingLogger<JsonFilePulseCountStore>());
        await store.SaveAsync(new PulseCount(5000, 1000), CancellationToken.None);
        using var meter = StartMeter(watts: 3600, pulsesPerKilowattHour: 2000);

        var (source, run, stop) = await StartDriverAsync(meter, pulsesPerKilowattHour: 2000);
        await WaitUntilAsync(() => source.Pulses == 10_000, "the count was converted");

        Assert.True(_log.Contains(LogLevel.Warning, "imp/kWh"));
        await StopAsync(run, stop);
    }

    [Fact]
    public async Task NoPulses_PowerDecaysTowardZero()
    {
        using var meter = StartMeter(watts: 3600);
        var (_, run, stop) = await StartDriverAsync(meter);
        await AdvanceAsync(TimeSpan.FromSeconds(10));
        await NextAsync(SeriesNames.ElectricPower, r => r.Value > 3000);

        meter.SetSilent(true);
        await AdvanceAsync(TimeSpan.FromSeconds(60));

        var low = await NextAsync(SeriesNames.ElectricPower, r => r.Value < 100);
        Assert.True(low.Value > 0);
        await StopAsync(run, stop);
    }

    [Fact]
    public async Task UnavailableGpio_IsReported_AndCountingStartsWhenItIsFree()
    {
        using var meter = StartMeter(watts: 3600);
        meter.FailNextOpens(2);
        var (source, run, stop) = await StartDriverAsync(meter, waitForOpen: false);

        await AdvanceAsync(TimeSpan.FromSeconds(20));

        Assert.True(_log.Contains(LogLevel.Warning, "GPIO 17 unavailable"));
        Assert.True(source.Pulses > 5);
        await StopAsync(run, stop);
    }

    [Fact]
    public async Task ClockAt1970_CountsAndSavesButReportsNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(1970, 1, 1, 0, 0, 10, TimeSpan.Zero));
        using var meter = new SimulatedS0Meter(new SimulatedS0Options { Load = _ => 3600 }, time);
        meter.Start();
        var (source, run, stop) = await StartDriverAsync(meter, time: time);

        await AdvanceAsync(TimeSpan.FromSeconds(65), time);

        Assert.True(source.Pulses > 50);
        Assert.True(_log.Contains(LogLevel.Warning, "system clock is not set"));
        Assert.False(_readings.Reader.TryRead(out _));
        await StopAsync(run, stop);
        Assert.True(File.Exists(Path.Combine(_directory, "count.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private SimulatedS0Meter StartMeter(double watts, int pulsesPerKilowattHour = 1000)
    {
        var meter = new SimulatedS0Meter(new SimulatedS0Options { Load = _ => watts, PulsesPerKilowattHour = pulsesPerKilowattHour }, _time);
        meter.Start();
        return meter;
    }

    private async Task<(PulseMeterSource Source, Task Run, CancellationTokenSource Stop)> StartDriverAsync(
        SimulatedS0Meter meter, int pulsesPerKilowattHour = 1000, TimeProvider? time = null, bool waitForOpen = true)
    {
        var options = new PulseMeterOptions
        {
            PulsesPerKilowattHour = pulsesPerKilowattHour,
            CountFilePath = Path.Combine(_directory, "count.json"),
            PowerInterval = TimeSpan.FromSeconds(5),
            SaveInterval = TimeSpan.FromSeconds(15),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
        };
        var store = new JsonFilePulseCountStore(options.CountFilePath, new CapturingLogger<JsonFilePulseCountStore>());
        var source = new PulseMeterSource(Microsoft.Extensions.Options.Options.Create(options), meter.CreateDriver, store, time ?? _time, _log);
        var stop = new CancellationTokenSource();
        int opened = _log.Entries.Count(e => e.Message.StartsWith("Counting S0 pulses", StringComparison.Ordinal));
        var run = source.RunAsync(_readings.Writer, stop.Token);

        // The driver loads its count with real file I/O before it opens the pin; advance the fake clock only after.
        if (waitForOpen)
        {
            await WaitUntilAsync(() => _log.Entries.Count(e => e.Message.StartsWith("Counting S0 pulses", StringComparison.Ordinal)) > opened, "the pin was opened");
        }

        return (source, run, stop);
    }

    /// <summary>Moves the fake clock in small steps, letting the driver's timer continuations run between them.</summary>
    private async Task AdvanceAsync(TimeSpan span, FakeTimeProvider? time = null)
    {
        time ??= _time;
        var step = TimeSpan.FromMilliseconds(250);
        for (var done = TimeSpan.Zero; done < span; done += step)
        {
            time.Advance(step);

            // Let the driver's timer continuations (real thread-pool work) run before the clock moves on.
            await Task.Delay(1);
        }
    }

    private async Task<Reading> NextAsync(string series, Func<Reading, bool>? predicate = null)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var reading = await _readings.Reader.ReadAsync(timeout.Token);
            if (reading.Series == series && (predicate is null || predicate(reading)))
            {
                return reading;
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting until " + what);
            await Task.Delay(10);
        }
    }

    private static async Task StopAsync(Task run, CancellationTokenSource stop)
    {
        await stop.CancelAsync();
        await run.WaitAsync(WaitLimit);
        stop.Dispose();
    }
}
