namespace Aizu.Storage.Tests;

/// <summary>A database path in a fresh temporary directory that is removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aizu-storage-tests", Guid.NewGuid().ToString("N"));
        FilePath = System.IO.Path.Combine(Directory, "nested", "readings.db");
    }

    public string Directory { get; }

    public string FilePath { get; }

    /// <summary>The commit window of the stores <see cref="Open(Action{StorageOptions}?, ILogger{ReadingStore}?, HouseholdCalendar?)"/> makes; null keeps the default.</summary>
    public TimeSpan? CommitWindow { get; init; }

    /// <summary>
    /// The clock the store sees: two days after <see cref="Samples.T0"/>, so raw retention (relative to
    /// now) keeps the sample data whatever the machine's date is.
    /// </summary>
    public FakeTimeProvider Time { get; } = CreateClock();

    /// <summary>Free space the store sees; plenty unless a test lowers it.</summary>
    public FakeFreeSpace FreeSpace { get; } = new();

    /// <summary>A store on <see cref="Time"/> and <see cref="FreeSpace"/>; its days are UTC days unless <paramref name="household"/> says otherwise.</summary>
    public ReadingStore Open(Action<StorageOptions>? configure = null, ILogger<ReadingStore>? logger = null, HouseholdCalendar? household = null)
    {
        var options = new StorageOptions { DatabasePath = FilePath };
        if (CommitWindow is { } window)
        {
            options.CommitWindow = window;
        }

        configure?.Invoke(options);
        return new ReadingStore(Options.Create(options), logger ?? NullLogger<ReadingStore>.Instance, Time, FreeSpace, household ?? new HouseholdCalendar(Time.LocalTimeZone));
    }

    /// <summary>A store with the production defaults (system clock, real disk and zone), as the other projects construct it.</summary>
    public static ReadingStore Open(string path) =>
        new(Options.Create(new StorageOptions { DatabasePath = path }), NullLogger<ReadingStore>.Instance, new HouseholdCalendar(TimeZoneInfo.Local));

    /// <summary>One number read behind the store's back, on a connection of its own.</summary>
    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        return GatewayDatabase.Scalar<long>(connection, sql);
    }

    /// <summary>One value as SQLite returns it (long, double, text, blob or null), read behind the store's back on a connection of its own.</summary>
    public object? Value(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static FakeTimeProvider CreateClock()
    {
        var clock = new FakeTimeProvider(Samples.T0.AddDays(2));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        return clock;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
