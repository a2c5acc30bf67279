namespace Aizu.Testing;

/// <summary>
/// One real driver running against a hardware simulator in a temporary folder: what every driver test needs around
/// the driver itself (its output, its log, waiting for a reading or a condition, stopping, clean-up). A test project
/// derives one harness per simulator that starts the simulator and builds the driver.
/// </summary>
/// <typeparam name="TDriver">The driver's type, the category of its captured log.</typeparam>
public abstract class DriverUnderTest<TDriver> : IAsyncDisposable
{
    /// <summary>How long any wait lasts before the test fails with the driver's log.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Reading> _readings = Channel.CreateUnbounded<Reading>();
    private readonly List<Reading> _seen = [];
    private Task? _driverTask;

    /// <summary>Makes an empty temporary folder for the simulator's device and the driver's files.</summary>
    /// <param name="prefix">A word that tells, in /tmp, which driver left a folder behind.</param>
    protected DriverUnderTest(string prefix)
    {
        Directory = Path.Combine(Path.GetTempPath(), $"aizu-{prefix}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The temporary folder, removed on disposal.</summary>
    public string Directory { get; }

    /// <summary>Every line the driver logged.</summary>
    public CapturingLogger<TDriver> Log { get; } = new();

    /// <summary>What the driver writes, for a test that files readings itself (see <see cref="StampedReadings"/>).</summary>
    public ChannelReader<Reading> Readings => _readings.Reader;

    /// <summary>Waits for a reading of <paramref name="series"/> taken after this moment: the driver is reading (again).</summary>
    public Task<Reading> NextFromNowAsync(string series)
    {
        var now = DateTimeOffset.UtcNow;
        return NextAsync(series, r => r.Timestamp > now);
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
            throw new TimeoutException($"No {series} reading within {WaitLimit}. Driver log:{Environment.NewLine}{Log.Text}");
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

    /// <summary>Waits until <paramref name="condition"/> holds, reading what the driver writes meanwhile.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? WaitLimit);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}. Driver log:{Environment.NewLine}{Log.Text}");
            }

            Drain();
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the driver and waits for it to end.</summary>
    public async Task StopDriverAsync()
    {
        await _stop.CancelAsync();
        if (_driverTask is not null)
        {
            await _driverTask.WaitAsync(WaitLimit);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopDriverAsync();
        await DisposeSimulatorAsync();
        _stop.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <paramref name="driver"/> until the harness stops it.</summary>
    protected void Run(IReadingSource driver) => _driverTask = driver.RunAsync(_readings.Writer, _stop.Token);

    /// <summary>Stops the simulator, after the driver has stopped.</summary>
    protected abstract ValueTask DisposeSimulatorAsync();
}
