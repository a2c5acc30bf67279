namespace Aizu.Hardware.Sensors.Tests;

/// <summary>
/// The real <see cref="IndoorSensorSource"/> (and the real bindings) against simulated chips and a
/// simulated 1-wire tree. With a <see cref="FakeTimeProvider"/> the test decides when rounds happen;
/// the source's round-completed hook tells it when one is over, so nothing waits on a clock.
/// </summary>
internal sealed class SourceHarness : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Reading> _channel = Channel.CreateUnbounded<Reading>();
    private readonly Channel<int> _rounds = Channel.CreateUnbounded<int>();
    private readonly string _folder;
    private readonly List<Reading> _received = [];
    private Task? _run;
    private TimeSpan _elapsed;

    public SourceHarness(IEnumerable<SimulatedSensorSpec> sensors, TimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(Start);
        _folder = Path.Combine(Path.GetTempPath(), "aizu-sensors-" + Guid.NewGuid().ToString("N"));
        var specs = sensors.ToList();
        Simulation = IndoorSensorSimulation.Create(specs, Time, new Random(42), _folder, TimeZoneInfo.Utc);
        Options = new IndoorSensorOptions
        {
            PollInterval = TimeSpan.FromSeconds(30),
            ReadTimeout = TimeSpan.FromSeconds(10),
            W1DevicesPath = Simulation.W1DevicesPath,
            OpenI2cDevice = Simulation.OpenI2cDevice,
        };
        foreach (var spec in specs)
        {
            var definition = new IndoorSensorDefinition
            {
                Kind = Enum.Parse<IndoorSensorKind>(spec.Kind.ToString()),
                Bus = spec.Bus,
                Address = spec.Address,
                Room = spec.Room,
            };
            Options.Sensors.Add(definition);
        }
    }

    public TimeProvider Time { get; }

    public IndoorSensorSimulation Simulation { get; }

    public IndoorSensorOptions Options { get; }

    public CapturingLogger<IndoorSensorSource> Log { get; } = new();

    /// <summary>The source under test, once <see cref="StartAsync"/> has created it.</summary>
    public IndoorSensorSource? Source { get; private set; }

    public FakeTimeProvider Fake => (FakeTimeProvider)Time;

    /// <summary>Starts the source and waits for its first round, which runs at once.</summary>
    public async Task<IReadOnlyList<Reading>> StartAsync()
    {
        var source = new IndoorSensorSource(Microsoft.Extensions.Options.Options.Create(Options), Time, Log);
        Source = source;
        source.RoundCompleted += (_, round) => _rounds.Writer.TryWrite(round);
        _run = source.RunAsync(_channel.Writer, _stop.Token);
        return await RoundAsync();
    }

    /// <summary>Moves fake time to the next poll and returns that round's readings.</summary>
    public async Task<IReadOnlyList<Reading>> NextRoundAsync()
    {
        Advance(Options.PollInterval - TimeSpan.FromTicks(_elapsed.Ticks % Options.PollInterval.Ticks));
        return await RoundAsync();
    }

    /// <summary>Moves fake time on by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        _elapsed += by;
        Fake.Advance(by);
    }

    /// <summary>Waits for the round in progress to finish and returns its readings.</summary>
    public async Task<IReadOnlyList<Reading>> RoundAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        try
        {
            await _rounds.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No round completed within {WaitLimit}. Log:{Environment.NewLine}{Log.Text}");
        }

        while (_channel.Reader.TryRead(out var reading))
        {
            _received.Add(reading);
        }

        List<Reading> readings = [.. _received];
        _received.Clear();
        return readings;
    }

    /// <summary>Waits until the round in progress has published <paramref name="count"/> readings.</summary>
    public async Task WaitForReadingsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        while (_received.Count < count)
        {
            _received.Add(await _channel.Reader.ReadAsync(timeout.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chip in Simulation.Sensors.Where(s => s.Kind != SimulatedSensorKind.Ds18b20))
        {
            // Release a held bus so no pool thread stays blocked after the test.
            var device = Simulation.OpenI2cDevice(new(chip.Bus, Convert.ToInt32(chip.Address, 16)));
            if (device is SimulatedI2cDevice simulated)
            {
                simulated.Fault = SimulatedFault.None;
            }
        }

        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(WaitLimit);
        }

        _stop.Dispose();
        Simulation.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
