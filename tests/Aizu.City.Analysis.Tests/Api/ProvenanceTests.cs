namespace Aizu.City.Analysis.Tests;

/// <summary>The provenance digest written into responses is the one docs/city.md defines, computed the plain way.</summary>
public sealed class ProvenanceTests
{
    private const string Snapshot = "sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    public static TheoryData<string, int?> Keys() => new()
    {
        { "", null },
        { "aizu/north", null },
        { "aizu/*", 7 },
        { "会津/北", 23 },
        { "aizu/" + new string('x', 600), 0 },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Digest_IsSha256OverEntryKeyAndSnapshot_First32HexDigits(string area, int? hour)
    {
        var key = new CellKey(area, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), hour);
        const long Seq = 9_876_543_210;

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + key.ToString() + "\n" + Snapshot));
        var expected = "sha256:" + Convert.ToHexStringLower(hash)[..32];

        Assert.Equal(expected, QueryAudit.Provenance(Seq, key, Snapshot));
        Span<byte> written = stackalloc byte[ProvenanceDigest.Length];
        ProvenanceDigest.Write(Seq, key, Snapshot, written);
        Assert.Equal(expected, Encoding.ASCII.GetString(written));
    }

    [Fact]
    public void TableDigests_AreEachCellsDigest_ComputedThePlainWay()
    {
        // Several pieces of work, areas (the whole purpose, non-ASCII, long), days and hours, two snapshots (one of
        // them a different list with the same digest) and withheld cells among them.
        const long Seq = 42;
        string[] areas = ["", "aizu/north", "会津/北", "aizu/" + new string('x', 600)];
        IReadOnlyList<string> first = ["ref-1", "ref-2"], second = ["ref-3"], againFirst = ["ref-1", "ref-2"];
        var snapshots = new Dictionary<IReadOnlyList<string>, string>(ReferenceEqualityComparer.Instance)
        {
            [first] = QueryAudit.SnapshotDigest(first),
            [second] = QueryAudit.SnapshotDigest(second),
            [againFirst] = QueryAudit.SnapshotDigest(againFirst),
        };
        var cells = new List<StatisticsCell>();
        for (var i = 0; i < 5_000; i++)
        {
            var day = new DateOnly(2026, 1, 1).AddDays(i % 400);
            var key = new CellKey(areas[i / 1_250], day, day.AddDays(1 + (i % 3)), i % 5 == 0 ? i % 24 : null);
            var consents = (i % 3) switch { 0 => first, 1 => second, _ => againFirst };
            cells.Add(i % 7 == 0
                ? new StatisticsCell(key, "x", CellStatus.Suppressed, SuppressionRule.MinHouseholds, null, null, [])
                : new StatisticsCell(key, "x", CellStatus.Released, SuppressionRule.None, 1, 20, consents));
        }

        using var digests = ProvenanceDigests.Compute(Seq, cells, snapshots, CancellationToken.None);

        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Status == CellStatus.Released)
            {
                Assert.Equal(QueryAudit.Provenance(Seq, cells[i].Key, snapshots[cells[i].Consents]), Encoding.ASCII.GetString(digests.Of(i)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void CellKey_FormatsAsUtf8_ExactlyItsText(string area, int? hour)
    {
        var key = new CellKey(area, new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 1), hour);
        var buffer = new byte[4096];

        Assert.True(key.TryFormat(buffer, out var written, default, null));
        Assert.Equal(key.ToString(), Encoding.UTF8.GetString(buffer, 0, written));
        Assert.False(key.TryFormat(buffer.AsSpan(0, written - 1), out _, default, null));
    }
}
