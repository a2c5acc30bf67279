namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>Every minute rollup of a store held against a recomputation from the raw readings it covers.</summary>
internal static class RollupCheck
{
    /// <summary>
    /// Checks each minute bucket's count, minimum and maximum, and that no series has two buckets for the same start;
    /// returns how many buckets were checked.
    /// </summary>
    public static int MinutesAgainstRaw(StoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var duplicate = snapshot.Minutes.GroupBy(b => (b.Series, b.Start)).FirstOrDefault(g => g.Count() > 1);
        Assert.True(duplicate is null, $"two rollups of {duplicate?.Key.Series} start at {duplicate?.Key.Start:O}");

        var bySeries = snapshot.Raw.GroupBy(p => p.Series).ToDictionary(g => g.Key, g => g.ToList());
        int checkedBuckets = 0;
        foreach (var bucket in snapshot.Minutes)
        {
            var points = bySeries.TryGetValue(bucket.Series, out var list)
                ? list.Where(p => p.Timestamp >= bucket.Start && p.Timestamp < bucket.End).ToList()
                : [];
            Assert.True(bucket.Count == points.Count, $"{bucket.Series} {bucket.Start:O}: rollup counts {bucket.Count}, raw has {points.Count}");
            if (points.Count > 0 && bucket.Min is { } min && bucket.Max is { } max)
            {
                Assert.Equal(points.Min(p => p.Value), min, 6);
                Assert.Equal(points.Max(p => p.Value), max, 6);
            }

            checkedBuckets++;
        }

        Assert.True(checkedBuckets > 0, "no minute rollups to check");
        return checkedBuckets;
    }
}
