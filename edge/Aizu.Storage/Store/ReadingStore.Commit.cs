namespace Aizu.Storage;

/// <summary>
/// Group commit: readings wait in memory for up to <see cref="StorageOptions.CommitWindow"/> and are then
/// written in one transaction. Every commit rewrites the pages of each series' open chunk and newest
/// rollups whether it adds one reading or a hundred, so committing once a minute instead of at every
/// meter poll is what keeps an SD card's writes small. Queries commit what is waiting first.
/// </summary>
internal sealed partial class ReadingStore
{
    // A backlog this large is committed at once, whatever the window: a burst of backfill must not sit in memory.
    private const int MaxPending = 16_384;

    // Guarded by the database's writer lock, like the series states; unlike them it survives a dropped writer.
    private readonly List<Reading> pending = [];
    private readonly Dictionary<string, string> pendingUnits = new(StringComparer.Ordinal);
    private DateTimeOffset? pendingSince;
    private ITimer? commitTimer;

    // Set when the timer's commit failed: the next append commits (and fails) itself, so the ingest service sees the
    // outage, keeps its batch, backs off and reports it, instead of the window growing in silence.
    private volatile bool commitFailed;

    // Read without the lock by queries deciding whether to commit first; set under it.
    private volatile bool unsettled;

    /// <summary>How many readings wait for the commit window (for status and tests).</summary>
    internal int PendingCount
    {
        get
        {
            lock (pending)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>
    /// Commits the readings waiting for the window and writes the open quarter-hour, hour and day rollups,
    /// so that the file alone (another process, a backup) shows everything accepted so far.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. The readings keep waiting.</exception>
    public Task FlushAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(connection =>
        {
            CommitPending(connection, settle: true);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// Before a query: commits what waits, so the panel never lags the window. When the disk refuses the commit (full,
    /// read-only) the query still answers from what is on disk: a full card must not hide the history, and the appends
    /// already report the outage.
    /// </summary>
    private async Task SettleBeforeReadAsync(CancellationToken cancellationToken)
    {
        if (!unsettled)
        {
            return;
        }

        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // Answered from the committed data; the waiting readings stay in memory for the next commit.
        }
    }

    /// <summary>True when <paramref name="incoming"/> has to be committed now rather than wait.</summary>
    private bool CommitDue(int incoming)
    {
        var window = settings.CommitWindow;
        return window <= TimeSpan.Zero
            || commitFailed
            || pending.Count + incoming >= MaxPending
            || (pendingSince is { } since && timeProvider.GetUtcNow() - since >= window);
    }

    /// <summary>Keeps <paramref name="batch"/> in memory until the window closes (the timer commits it if no more readings come).</summary>
    private void Hold(IReadOnlyList<Reading> batch)
    {
        foreach (var reading in batch)
        {
            if (!series.ContainsKey(reading.Series))
            {
                pendingUnits.TryAdd(reading.Series, reading.Unit);
            }
        }

        lock (pending)
        {
            pending.AddRange(batch);
        }

        unsettled = true;
        if (pendingSince is null)
        {
            pendingSince = timeProvider.GetUtcNow();
            commitTimer ??= timeProvider.CreateTimer(_ => _ = CommitOnTimerAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            commitTimer.Change(settings.CommitWindow, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Writes the waiting readings (and, with <paramref name="settle"/>, the open coarse rollups) in one transaction.</summary>
    private void CommitPending(SqliteConnection connection, bool settle)
    {
        if (pending.Count > 0)
        {
            var refused = Write(connection, pending, []);
            if (refused > 0)
            {
                NoteRefused(refused);
            }

            ForgetPending();
            MaintainIfDue(connection);
        }

        if (settle)
        {
            SettleOpenRollups(connection);
        }
    }

    /// <summary>Drops the waiting readings: they were committed, or the household erased everything.</summary>
    private void ForgetPending()
    {
        lock (pending)
        {
            pending.Clear();
        }

        pendingUnits.Clear();
        pendingSince = null;
        commitFailed = false;
        commitTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Writes every series' open quarter-hour, hour and day rows that lag the minute rows.</summary>
    private void SettleOpenRollups(SqliteConnection connection)
    {
        if (series.Values.Any(s => s.OpenRollupsStale))
        {
            using var transaction = connection.BeginTransaction();
            var corrupt = new List<CorruptChunk>();
            var raw = new RawReader(connection, transaction, corrupt);
            var rollups = rollupUpdater ??= new RollupUpdater(connection, calendar);
            rollups.Begin(transaction);
            foreach (var state in series.Values)
            {
                if (state.OpenRollupsStale)
                {
                    rollups.WriteOpen(state, raw);
                }
            }

            if (corrupt.Count > 0)
            {
                Quarantine(connection, transaction, corrupt);
            }

            transaction.Commit();
        }

        unsettled = pending.Count > 0;
    }

    /// <summary>At start: the open hour's minute and quarter-hour rows and the open coarse rows may lag the raw rows (a power cut): rebuild them.</summary>
    private void RebuildOpenRollups(SqliteConnection connection)
    {
        var rollups = rollupUpdater ??= new RollupUpdater(connection, calendar);
        foreach (var state in series.Values)
        {
            rollups.MarkOpenHourDirty(state);
        }

        SettleOpenRollups(connection);
    }

    private async Task CommitOnTimerAsync()
    {
        try
        {
            await database.WriteAsync(connection =>
            {
                CommitPending(connection, settle: false);
                return 0;
            }, CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: Dispose committed what was waiting.
        }
        catch (StoreUnavailableException exception)
        {
            commitFailed = true;
            logger.PendingCommitFailed(PendingCount, exception.Message);
            commitTimer?.Change(settings.CommitWindow, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>At shutdown: commits what waits; what cannot be committed is reported, not silently dropped.</summary>
    private void CommitAtShutdown()
    {
        commitTimer?.Dispose();
        commitTimer = null;
        if (!unsettled)
        {
            return;
        }

        try
        {
            database.WriteAsync(connection =>
            {
                CommitPending(connection, settle: true);
                return 0;
            }, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (StoreUnavailableException exception)
        {
            logger.PendingLostAtShutdown(PendingCount, exception.Message);
        }
    }
}
