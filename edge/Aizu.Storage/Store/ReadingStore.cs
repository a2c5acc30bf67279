namespace Aizu.Storage;

/// <summary>
/// The gateway's durable record of readings: one SQLite file in WAL mode. Readings are kept per series
/// in compressed, checksummed chunks; the chunk still filling is kept as plain rows. Readings wait in
/// memory for up to <see cref="StorageOptions.CommitWindow"/> and are committed together (a power cut
/// loses at most that window); queries commit what waits first. Rollups (1 min, 15 min, 1 h, local day)
/// grow with every commit; the open coarse ones are written when they close. One writer connection is kept open; every read opens its own short-lived connection so the
/// panel never waits for a write.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite has no asynchronous I/O: the "async" methods do their SQLite work on the
/// calling thread. Timestamps are stored as Unix milliseconds and come back in UTC.
/// Faults of the environment (full disk, read-only or failing media) surface as
/// <see cref="StoreUnavailableException"/>; the file is left as it was before the failed call, and the
/// store reopens the file on the next call, so it recovers once the fault is cleared.
/// <para>
/// Where a reading goes: a reading newer than the series' last sealed chunk joins the open chunk (in
/// time order, whatever order it arrived in; a reading at an existing timestamp replaces it). When the
/// open chunk holds <see cref="StorageOptions.MaxChunkPoints"/> points or spans
/// <see cref="StorageOptions.MaxChunkDuration"/>, it is encoded and sealed in the same transaction. A
/// reading at or before the end of the last sealed chunk (a clock that jumped back, a meter backfill)
/// is a late reading: it is kept as a row beside the chunks, sealed chunks are never rewritten, and
/// reads merge it in (winning over a chunk's value at the same timestamp). Readings stamped before 2020,
/// or older than the raw data still kept, are not stored and are counted in <see cref="Health"/>.
/// </para>
/// </remarks>
internal sealed partial class ReadingStore : IReadingWriter, IReadingQueries, IReadingFeed, IReadingEraser, IStoreStatus, IDisposable, IAsyncDisposable
{
    private readonly GatewayDatabase database;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;
    private readonly IFreeSpaceProbe freeSpace;
    private readonly StorageOptions settings;
    private readonly RollupGrid calendar;

    // Tied to the kept writer and guarded by the database's writer lock; reloaded whenever the writer is reopened.
    private readonly Dictionary<string, SeriesState> series = new(StringComparer.Ordinal);
    private readonly PointBuffer mergeScratch = new();
    private WriteCommands? writeCommands;
    private RollupUpdater? rollupUpdater;

    /// <summary>
    /// Opens (creating when missing) the database file and its directory, with the system clock and disk;
    /// day rollups follow <paramref name="household"/>.
    /// </summary>
    public ReadingStore(IOptions<StorageOptions> options, ILogger<ReadingStore> logger, HouseholdCalendar household)
        : this(options, logger, TimeProvider.System, new DriveFreeSpaceProbe(), household)
    {
    }

    /// <summary>Opens (creating when missing) the database file, with the given clock, free-space probe and household calendar.</summary>
    /// <remarks>
    /// A store that cannot be opened yet (disk full, card missing) does not throw here: the gateway
    /// still starts and shows live data, and every call retries the open.
    /// </remarks>
    public ReadingStore(IOptions<StorageOptions> options, ILogger<ReadingStore> logger, TimeProvider timeProvider, IFreeSpaceProbe freeSpace, HouseholdCalendar household)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(freeSpace);
        ArgumentNullException.ThrowIfNull(household);
        settings = options.Value;
        var configured = settings.DatabasePath;
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new ArgumentException($"{StorageOptions.SectionName}:{nameof(StorageOptions.DatabasePath)} is required.", nameof(options));
        }

        this.logger = logger;
        this.timeProvider = timeProvider;
        this.freeSpace = freeSpace;
        calendar = new RollupGrid(household);
        database = new GatewayDatabase(configured, StorageSchema.Component, logger, new GatewayDatabaseSettings
        {
            Durability = settings.Durability,
            ReportsUnavailable = true,
            WriterOpened = LoadWriterState,
            WriterClosed = DropWriterState,
        });
        database.TryOpenWriter();
    }

    private int disposed;

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => database.Path;

    /// <summary>Commits the readings waiting for the commit window, then closes the file. Only the first call does anything.</summary>
    public void Dispose()
    {
        // The host disposes the store once for each service it is registered as. After a commit at shutdown failed
        // (a full disk) readings still wait, and a second commit on the closed file ended the gateway in a stack trace.
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        CommitAtShutdown();
        database.Dispose();
    }

    /// <inheritdoc cref="Dispose" />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Caps the file at <paramref name="maxPages"/> pages (null lifts the cap) so tests can make the
    /// "disk" fill up. Survives the reopen that follows a fault. Returns the current page count.
    /// </summary>
    internal long LimitPagesForTesting(long? maxPages) => database.LimitPagesForTesting(maxPages);

    /// <summary>Loads what the writer keeps in memory from a freshly opened and migrated file.</summary>
    private void LoadWriterState(SqliteConnection connection)
    {
        LoadSeries(connection);
        ImportLegacyRows(connection);
        RebuildOpenRollups(connection);
        CheckDayZone(connection);
    }

    /// <summary>Forgets everything tied to the writer connection: prepared statements and series states.</summary>
    private void DropWriterState()
    {
        writeCommands?.Dispose();
        writeCommands = null;
        rollupUpdater?.Dispose();
        rollupUpdater = null;
        series.Clear();
    }

    private void LoadSeries(SqliteConnection connection)
    {
        series.Clear();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT s.id, s.name, s.unit, s.raw_from_ms, (SELECT max(c.end_ms) FROM chunk c WHERE c.series_id = s.id)
                FROM series s;
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var state = new SeriesState(reader.GetInt64(0), reader.GetString(1), reader.GetString(2))
                {
                    RawFromMs = reader.GetInt64(3),
                    SealedToMs = reader.IsDBNull(4) ? long.MinValue : reader.GetInt64(4),
                };
                series[state.Name] = state;
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT series_id, ts_ms, value, quality FROM open_reading ORDER BY ts_key;";
            using var reader = command.ExecuteReader();
            var byId = series.Values.ToDictionary(s => s.Id);
            while (reader.Read())
            {
                if (byId.TryGetValue(reader.GetInt64(0), out var state))
                {
                    state.Open.Add(reader.GetInt64(1), reader.GetDouble(2), (byte)reader.GetInt32(3));
                }
            }
        }

        var corrupt = new List<CorruptChunk>();
        var raw = new RawReader(connection, null, corrupt);
        foreach (var state in series.Values)
        {
            if (raw.TryPointBefore(state.Id, long.MaxValue, out var latest))
            {
                state.HasLatest = true;
                state.LatestMs = latest.TimestampMs;
                state.LatestValue = latest.Value;
            }
        }

        if (corrupt.Count > 0)
        {
            using var transaction = connection.BeginTransaction();
            Quarantine(connection, transaction, corrupt);
            transaction.Commit();
        }
    }

    /// <summary>Day rollups depend on the zone; when it changed since the last start they are rebuilt from the quarter hours.</summary>
    private void CheckDayZone(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM store_meta WHERE key = 'day_zone';";
        var stored = command.ExecuteScalar() as string;
        if (string.Equals(stored, calendar.Household.Zone.Id, StringComparison.Ordinal))
        {
            return;
        }

        if (stored is not null)
        {
            using var updater = new RollupUpdater(connection, calendar);
            updater.Begin(transaction);
            var days = updater.RebuildDays();
            logger.DayRollupsRebuilt(stored, calendar.Household.Zone.Id, days);
        }

        command.CommandText = "INSERT OR REPLACE INTO store_meta(key, value) VALUES ('day_zone', $zone);";
        command.Parameters.AddWithValue("$zone", calendar.Household.Zone.Id);
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
