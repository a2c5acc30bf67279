namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    // Bounds one maintenance transaction (about 0.2 ms an hour); an existing store's history is packed over the next passes.
    private const int PackRound = 512;

    /// <summary>
    /// Packs the minute rows of closed hours into blocks (<see cref="MinuteRollups"/>), oldest first, at most
    /// <see cref="PackRound"/> hours a pass. One transaction: a crash leaves an hour's rows or its block, never both or
    /// neither. Then quarantines the blocks found damaged since the last pass.
    /// </summary>
    private void PackMinuteRollups(SqliteConnection connection)
    {
        var corrupt = new List<CorruptMinuteBlock>();
        if (rollupUpdater is { } updater)
        {
            corrupt.AddRange(updater.CorruptBlocks);
            updater.CorruptBlocks.Clear();
        }

        using (var transaction = connection.BeginTransaction())
        {
            var blocks = new MinuteRollups(connection, transaction, corrupt);

            // Hour by hour across the series, in the blocks' key order, so every block is appended at the end of the
            // table and its pages fill up (packing series by series would split half-full pages in the middle).
            var next = new SortedSet<(long Hour, long SeriesId)>();
            var openHours = new Dictionary<long, long>();
            foreach (var state in series.Values)
            {
                // The minutes of the open hour (a local hour, which need not fall on the UTC hour grid) still change.
                openHours[state.Id] = state.HasLatest ? calendar.BucketStart(RollupLevel.Hour, state.LatestMs) : long.MaxValue;
                Enqueue(state.Id);
            }

            for (var packed = 0; packed < PackRound && next.Count > 0; packed++)
            {
                var (hour, seriesId) = next.Min;
                next.Remove(next.Min);
                if (blocks.Pack(seriesId, hour))
                {
                    Enqueue(seriesId);
                }
            }

            void Enqueue(long seriesId)
            {
                var openHour = openHours[seriesId];
                if (blocks.OldestRowHour(seriesId, openHour) is { } hour && hour + RollupGrid.HourMs <= openHour)
                {
                    next.Add((hour, seriesId));
                }
            }

            transaction.Commit();
        }

        if (corrupt.Count > 0)
        {
            QuarantineMinuteBlocks(connection, corrupt);
        }
    }

    /// <summary>After a read that found damaged blocks of minute rollups: quarantines them on the writer.</summary>
    private async Task QuarantineMinuteBlocksAsync(List<CorruptMinuteBlock> corrupt, CancellationToken cancellationToken)
    {
        if (corrupt.Count > 0)
        {
            await database.WriteAsync(connection =>
            {
                QuarantineMinuteBlocks(connection, corrupt);
                return 0;
            }, cancellationToken);
        }
    }

    /// <summary>
    /// Moves damaged blocks of minute rollups to <c>quarantine_minute_block</c> (kept for inspection, never read again)
    /// and rebuilds their minutes from raw data where it is still kept; the quarter hours and hours above them are kept.
    /// </summary>
    private void QuarantineMinuteBlocks(SqliteConnection connection, IEnumerable<CorruptMinuteBlock> damaged)
    {
        using var transaction = connection.BeginTransaction();
        var corruptChunks = new List<CorruptChunk>();
        var raw = new RawReader(connection, transaction, corruptChunks);
        var blocks = new MinuteRollups(connection, transaction, []);
        var rollups = rollupUpdater ??= new RollupUpdater(connection, calendar);
        rollups.Begin(transaction);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var block in damaged.DistinctBy(b => (b.SeriesId, b.HourStartMs)))
        {
            if (!blocks.Quarantine(block, now))
            {
                continue;
            }

            var state = series.Values.FirstOrDefault(s => s.Id == block.SeriesId);
            var rebuilt = state is null ? 0 : rollups.RebuildMinutes(state, block.HourStartMs, raw);
            var name = state?.Name ?? block.SeriesId.ToString(CultureInfo.InvariantCulture);
            var start = DateTimeOffset.FromUnixTimeMilliseconds(block.HourStartMs);
            logger.MinuteBlockQuarantined(name, start, block.Reason, rebuilt);
            NoteQuarantined($"The minute rollups of {name} for the hour from {start:u} were damaged ({block.Reason}) and moved to quarantine; {rebuilt} minutes were rebuilt from raw data.");
        }

        if (corruptChunks.Count > 0)
        {
            Quarantine(connection, transaction, corruptChunks);
        }

        transaction.Commit();
    }
}
