namespace Aizu.Ingest.Tests;

/// <summary>An <see cref="IngestService"/> wired to a real store on a temporary file and a fake clock.</summary>
internal sealed class IngestHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "aizu-ingest-tests", Guid.NewGuid().ToString("N"));
    private bool stopped;

    /// <param name="channelCapacity">Readings the channel holds.</param>
    /// <param name="commitWindow">The store's commit window; null keeps the default.</param>
    /// <param name="start">Where the clock starts; <see cref="Start"/> when null.</param>
    /// <param name="zone">The household's zone, for day rollups; UTC when null.</param>
    public IngestHarness(int channelCapacity = 10_000, TimeSpan? commitWindow = null, DateTimeOffset? start = null, TimeZoneInfo? zone = null)
    {
        Time = new SteppingClock(start ?? Start);
        Store = new ReadingStore(
            Options.Create(new StorageOptions { DatabasePath = Path.Combine(directory, "readings.db"), CommitWindow = commitWindow ?? new StorageOptions().CommitWindow }),
            NullLogger<ReadingStore>.Instance,
            Time,
            new DriveFreeSpaceProbe(),
            new Aizu.Household.HouseholdCalendar(zone ?? TimeZoneInfo.Utc));
        Channel = new ReadingChannel(Options.Create(new IngestOptions { ChannelCapacity = channelCapacity }));
        Statistics = new IngestStatistics(Feed);
        Service = new IngestService(Channel, Store, Feed, Statistics, Time, Logger);
    }

    public SteppingClock Time { get; }

    public ReadingStore Store { get; }

    public ReadingChannel Channel { get; }

    public LiveFeed Feed { get; } = new();

    public IngestStatistics Statistics { get; }

    public CapturingLogger<IngestService> Logger { get; } = new();

    public IngestService Service { get; }

    public static Reading Power(DateTimeOffset at, double watts) => new(SeriesNames.ElectricPower, at, watts, Units.Watt);

    public Task StartAsync() => Service.StartAsync(CancellationToken.None);

    public async Task StopAsync()
    {
        stopped = true;
        await Service.StopAsync(CancellationToken.None);
    }

    /// <summary>Lets fake time pass in steps until <paramref name="condition"/> holds, so batch windows and backoffs elapse.</summary>
    public Task AdvanceUntilAsync(Func<bool> condition, string what) =>
        Eventually.TrueAsync(condition, what, meanwhile: () => Time.Advance(TimeSpan.FromMilliseconds(100)));

    public async ValueTask DisposeAsync()
    {
        if (!stopped)
        {
            await StopAsync();
        }

        Service.Dispose();
        await Store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
