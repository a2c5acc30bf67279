namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    // Chunks are dropped in rounds of this many, re-measuring free space after each round.
    private const int DropRound = 64;

    private readonly Lock healthLock = new();
    private DateTimeOffset? lastMaintenance;
    private long? lastFreeBytes;
    private long rawChunksDroppedForSpace;
    private long quarantinedChunks;
    private long refusedReadings;
    private bool belowFloor;
    private long? oldestRawMs;
    private string? lastProblem;
    private DateTimeOffset? lastProblemAt;

    private long? lastFloorBytes;

    private long FloorBytes => lastFloorBytes ?? settings.MinFreeSpaceMegabytes * 1024 * 1024;

    /// <summary>The store's condition for the panel: free space, data dropped for space, quarantined chunks, refused readings.</summary>
    public StorageHealth Health
    {
        get
        {
            lock (healthLock)
            {
                var state = belowFloor ? StorageHealthState.Critical
                    : rawChunksDroppedForSpace > 0 || quarantinedChunks > 0 ? StorageHealthState.Degraded
                    : StorageHealthState.Ok;
                return new StorageHealth(
                    state,
                    lastFreeBytes,
                    FloorBytes,
                    rawChunksDroppedForSpace,
                    oldestRawMs is { } oldest ? DateTimeOffset.FromUnixTimeMilliseconds(oldest) : null,
                    quarantinedChunks,
                    refusedReadings,
                    lastProblem,
                    lastProblemAt);
            }
        }
    }

    /// <summary>
    /// Applies retention (raw and per rollup resolution) and the free-space floor now. Appends do this
    /// on their own every <see cref="StorageOptions.MaintenanceInterval"/>; call it to do it at a known time.
    /// </summary>
    public Task RunMaintenanceAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(connection =>
        {
            Maintain(connection);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// Reads and verifies every chunk, quarantining the ones whose checksum or encoding is bad.
    /// Returns how many were quarantined. Reads verify the chunks they touch anyway; this is the full scrub.
    /// </summary>
    public Task<long> VerifyAsync(CancellationToken cancellationToken) =>
        ReadAsync((_, raw) =>
        {
            raw.VerifyAll(cancellationToken);
            return (long)raw.Corrupt.Count;
        }, cancellationToken);

    private void MaintainIfDue(SqliteConnection connection)
    {
        var now = timeProvider.GetUtcNow();
        if (lastMaintenance is { } last && now - last < settings.MaintenanceInterval)
        {
            return;
        }

        try
        {
            Maintain(connection);
        }
        catch (SqliteException exception)
        {
            // The batch is committed; maintenance that cannot run now is tried again at the next interval.
            logger.MaintenanceFailed(exception.Message);
            database.DropWriter();
        }
    }

    private void Maintain(SqliteConnection connection)
    {
        var now = timeProvider.GetUtcNow();
        lastMaintenance = now;
        ApplyRetention(connection, now);
        KeepFreeSpace(connection);
        JoinSealedChunks(connection);
        using var command = connection.CreateCommand();

        // Per series through chunk_by_series: a plain min(start_ms) would scan every chunk each interval.
        command.CommandText = "SELECT min((SELECT min(start_ms) FROM chunk WHERE series_id = s.id)) FROM series s;";
        var oldest = command.ExecuteScalar() as long?;
        lock (healthLock)
        {
            oldestRawMs = oldest;
        }
    }

    private void ApplyRetention(SqliteConnection connection, DateTimeOffset now)
    {
        var localNow = calendar.Household.LocalTime(now);
        long Cutoff(int months) => calendar.Household.ToInstant(localNow.AddMonths(-months)).ToUnixTimeMilliseconds();

        using var transaction = connection.BeginTransaction();
        if (settings.RawRetentionMonths > 0)
        {
            var cutoff = Cutoff(settings.RawRetentionMonths);
            var dropped = DropRawChunks(connection, transaction, $"end_ms < {cutoff.ToString(CultureInfo.InvariantCulture)}", int.MaxValue);
            if (dropped.Chunks > 0)
            {
                logger.RawRetentionApplied(dropped.Chunks, settings.RawRetentionMonths);
            }

            // Readings set aside after a clock step are raw data too, kept as long by when they were set aside.
            using var setAside = connection.CreateCommand();
            setAside.Transaction = transaction;
            setAside.CommandText = "DELETE FROM set_aside_reading WHERE set_aside_at_ms < $cutoff;";
            setAside.Parameters.AddWithValue("$cutoff", cutoff);
            setAside.ExecuteNonQuery();
        }

        var rollupRetention = (ReadOnlySpan<(RollupLevel, int)>)
        [
            (RollupLevel.Minute, settings.MinuteRollupRetentionMonths),
            (RollupLevel.QuarterHour, settings.QuarterHourRollupRetentionMonths),
            (RollupLevel.Hour, settings.HourRollupRetentionMonths),
            (RollupLevel.Day, settings.DayRollupRetentionMonths),
        ];
        foreach (var (level, months) in rollupRetention)
        {
            if (months > 0)
            {
                // Series by series so each delete seeks the primary key instead of scanning the table.
                using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM rollup WHERE series_id = $s AND level = $l AND start_ms < $cutoff;";
                var seriesId = delete.Parameters.Add("$s", SqliteType.Integer);
                delete.Parameters.AddWithValue("$l", (int)level);
                delete.Parameters.AddWithValue("$cutoff", Cutoff(months));
                foreach (var state in series.Values)
                {
                    seriesId.Value = state.Id;
                    delete.ExecuteNonQuery();
                }
            }
        }

        transaction.Commit();
    }

    /// <summary>
    /// Drops the oldest raw chunks, a round at a time, until free space is back above the floor, but never those of the
    /// last <see cref="StorageOptions.RawDaysAlwaysKept"/> days, and nothing at all when the chunks that may go could
    /// not meet the floor: then it is not the store that fills the disk, and dropping history would not help.
    /// </summary>
    private void KeepFreeSpace(SqliteConnection connection)
    {
        var directory = Path.GetDirectoryName(database.Path) ?? ".";
        var floor = EffectiveFloor(freeSpace.GetTotalBytes(directory));
        var free = MeasureFree(connection);
        var droppedNow = 0L;
        long? fromMs = null;
        long toMs = 0;
        string? unreachable = null;
        if (free < floor)
        {
            var keptFrom = timeProvider.GetUtcNow().AddDays(-settings.RawDaysAlwaysKept).ToUnixTimeMilliseconds();
            var mayGo = $"end_ms < {keptFrom.ToString(CultureInfo.InvariantCulture)}";
            var droppable = GatewayDatabase.Scalar<long>(connection, $"SELECT coalesce(sum(length(data)), 0) FROM chunk WHERE {mayGo};");
            if (droppable < floor - free)
            {
                unreachable = droppable == 0
                    ? $"no raw data is left to drop outside the last {settings.RawDaysAlwaysKept} days, which are always kept"
                    : $"dropping all {droppable / 1024} KB of raw data older than {settings.RawDaysAlwaysKept} days could not free the {(floor - free) / 1024} KB missing, so something else is filling the disk and nothing was dropped";
            }
            else
            {
                while (free < floor)
                {
                    using var transaction = connection.BeginTransaction();
                    var dropped = DropRawChunks(connection, transaction, mayGo, DropRound);
                    transaction.Commit();
                    if (dropped.Chunks == 0)
                    {
                        unreachable = $"no raw data is left to drop outside the last {settings.RawDaysAlwaysKept} days, which are always kept";
                        break;
                    }

                    droppedNow += dropped.Chunks;
                    fromMs ??= dropped.FromMs;
                    toMs = dropped.ToMs;
                    free = MeasureFree(connection);
                }
            }
        }

        var critical = free < floor;
        if (droppedNow > 0)
        {
            var from = DateTimeOffset.FromUnixTimeMilliseconds(fromMs!.Value);
            var to = DateTimeOffset.FromUnixTimeMilliseconds(toMs);
            logger.RawDroppedForSpace(droppedNow, from, to, free, floor);
            NoteProblem($"The disk was nearly full: {droppedNow} raw chunks from {from:u} to {to:u} were dropped to keep {Megabytes(floor)} MB free; rollups are kept.");
        }

        if (critical && !belowFloor)
        {
            unreachable ??= "the space freed was not enough";
            logger.FreeSpaceFloorUnreachable(free, floor, unreachable);
            NoteProblem($"The disk is nearly full: only {Megabytes(free)} MB are free, below the floor of {Megabytes(floor)} MB; {unreachable}.");
        }

        lock (healthLock)
        {
            lastFreeBytes = free;
            lastFloorBytes = floor;
            rawChunksDroppedForSpace += droppedNow;
            belowFloor = critical;
        }
    }

    // The default floor would make a small disk "full" forever, so it is at most a tenth of the file system there; a
    // floor the installer chose is kept as chosen.
    private long EffectiveFloor(long totalBytes)
    {
        var configured = settings.MinFreeSpaceMegabytes * 1024 * 1024;
        return settings.MinFreeSpaceMegabytes == StorageOptions.DefaultMinFreeSpaceMegabytes && totalBytes > 0
            ? Math.Min(configured, totalBytes / 10)
            : configured;
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Free bytes on the file system plus pages SQLite holds free inside the file, which new data reuses first.</summary>
    private long MeasureFree(SqliteConnection connection)
    {
        var directory = Path.GetDirectoryName(database.Path) ?? ".";
        var inFile = GatewayDatabase.Scalar<long>(connection, "PRAGMA freelist_count;") * GatewayDatabase.Scalar<long>(connection, "PRAGMA page_size;");
        return freeSpace.GetAvailableBytes(directory) + inFile;
    }

    /// <summary>
    /// Deletes up to <paramref name="limit"/> chunks matching <paramref name="where"/>, oldest end first,
    /// moves each affected series' watermark past them and drops late rows behind it.
    /// </summary>
    private (long Chunks, long FromMs, long ToMs) DropRawChunks(SqliteConnection connection, SqliteTransaction transaction, string where, int limit)
    {
        var watermarks = new Dictionary<long, long>();
        long count = 0, from = long.MaxValue, to = long.MinValue;
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT id, series_id, start_ms, end_ms FROM chunk WHERE {where} ORDER BY end_ms LIMIT $limit;";
            select.Parameters.AddWithValue("$limit", limit);
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM chunk WHERE id = $id;";
            var id = delete.Parameters.Add("$id", SqliteType.Integer);
            var victims = new List<(long Id, long Series, long Start, long End)>();
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    victims.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
                }
            }

            foreach (var victim in victims)
            {
                id.Value = victim.Id;
                delete.ExecuteNonQuery();
                watermarks[victim.Series] = Math.Max(watermarks.GetValueOrDefault(victim.Series), victim.End + 1);
                from = Math.Min(from, victim.Start);
                to = Math.Max(to, victim.End);
                count++;
            }
        }

        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE series SET raw_from_ms = max(raw_from_ms, $w) WHERE id = $s;
            DELETE FROM late_reading WHERE series_id = $s AND ts_ms < $w;
            """;
        var seriesParameter = update.Parameters.Add("$s", SqliteType.Integer);
        var watermarkParameter = update.Parameters.Add("$w", SqliteType.Integer);
        foreach (var (seriesId, watermark) in watermarks)
        {
            seriesParameter.Value = seriesId;
            watermarkParameter.Value = watermark;
            update.ExecuteNonQuery();
            foreach (var state in series.Values)
            {
                if (state.Id == seriesId)
                {
                    state.RawFromMs = Math.Max(state.RawFromMs, watermark);
                }
            }
        }

        return (count, from, to);
    }

    private void NoteRefused(long count)
    {
        logger.ReadingsRefused(count, EarliestTimestamp);
        lock (healthLock)
        {
            refusedReadings += count;
        }
    }

    private void NoteQuarantined(string problem)
    {
        lock (healthLock)
        {
            quarantinedChunks++;
        }

        NoteProblem(problem);
    }

    private void NoteProblem(string problem)
    {
        lock (healthLock)
        {
            lastProblem = problem;
            lastProblemAt = timeProvider.GetUtcNow();
        }
    }
}
