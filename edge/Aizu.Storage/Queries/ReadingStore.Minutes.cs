namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    /// <summary>The minute rollups of <paramref name="series"/> after <paramref name="afterStart"/>, rows and packed blocks alike (the feed of <see cref="GetRollupsAfterAsync"/>).</summary>
    private async Task<IReadOnlyList<AggregatePoint>> GetMinutesAfterAsync(
        string series, DateTimeOffset? afterStart, int maxCount, CancellationToken cancellationToken)
    {
        var corrupt = new List<CorruptMinuteBlock>();
        var result = await ReadCommittedAsync<IReadOnlyList<AggregatePoint>>((connection, _) =>
        {
            if (FindSeries(connection, series) is not { } info)
            {
                return [];
            }

            var minutes = new List<RollupAccumulator>();
            new MinuteRollups(connection, null, corrupt).ReadAfter(info.Id, afterStart?.ToUnixTimeMilliseconds() ?? long.MinValue, maxCount, minutes);
            return minutes.Select(minute => ToPoint(minute, minute.Start + RollupGrid.MinuteMs)).ToList();
        }, cancellationToken);
        await QuarantineMinuteBlocksAsync(corrupt, cancellationToken);
        return result;
    }
}
