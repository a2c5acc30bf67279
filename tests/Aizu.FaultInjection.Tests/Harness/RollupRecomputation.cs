namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>Checks stored rollups against a recomputation from the raw readings they cover.</summary>
internal static class RollupRecomputation
{
    /// <summary>
    /// Asserts that every bucket's count, minimum and maximum equal a recomputation from the raw readings in it, and that
    /// no series has two buckets for the same start; returns how many buckets were checked (at least one).
    /// </summary>
    public static int AssertEqualToRaw(IReadOnlyList<RollupPoint> buckets, IReadOnlyList<RawPoint> raw)
    {
        var duplicate = buckets.GroupBy(b => (b.Series, b.Start)).FirstOrDefault(g => g.Count() > 1);
        Assert.True(duplicate is null, $"two rollups of {duplicate?.Key.Series} start at {duplicate?.Key.Start:O}");

        var bySeries = raw.GroupBy(p => p.Series).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var bucket in buckets)
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
        }

        Assert.True(buckets.Count > 0, "no rollups to check");
        return buckets.Count;
    }
}
