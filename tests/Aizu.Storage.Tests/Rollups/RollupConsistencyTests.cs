using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Rollups;

/// <summary>
/// Whatever order readings arrive in (in order, clock jumps back into the open chunk, late readings
/// behind sealed chunks, duplicates), the incrementally kept rollups equal rollups computed from
/// scratch over the stored raw readings.
/// </summary>
public sealed class RollupConsistencyTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    // A zone with summer time: its days are 23, 24 or 25 hours long.
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Noon UTC the day before Berlin's clocks go back (2025-10-26 03:00 CEST): the next day is 25 hours long.
    private static readonly DateTimeOffset SummerTimeEnds = new(2025, 10, 25, 12, 0, 0, TimeSpan.Zero);

    private sealed record Row(long Count, double Sum, double? Min, double? Max, double? Energy);

    [Fact]
    public async Task Incremental_rollups_equal_a_full_recomputation_for_any_arrival_order() =>
        await Gen.Select(
                Gen.Int[0, 3 * 86_400].Array[1, 120],
                Gen.Int[1, 6],
                Gen.Bool)
            .SampleAsync(async sample =>
            {
                var (seconds, batches, register) = sample;
                using var database = new TempDatabase();
                await using var store = database.Open(o => o.MaxChunkPoints = 16, household: new HouseholdCalendar(Tokyo));

                // Values depend only on the timestamp, so duplicates agree and "last wins" is unambiguous.
                var readings = seconds.Select(s => register
                        ? Import(0, 0) with { Timestamp = T0.AddSeconds(s), Value = Math.Round((s * 0.001) % 97, 3) }
                        : Power(s, (s * 7919) % 3001 - 1500))
                    .ToArray();
                var size = Math.Max(1, readings.Length / batches);
                for (var i = 0; i < readings.Length; i += size)
                {
                    await store.AppendAsync(readings[i..Math.Min(readings.Length, i + size)], CancellationToken.None);

                    // Past the commit window: the timer commits each batch on its own, open rollups not rewritten.
                    database.Time.Advance(TimeSpan.FromSeconds(61));
                }

                var series = register ? SeriesNames.ElectricImportEnergy : SeriesNames.ElectricPower;
                var raw = await store.GetRangeAsync(series, T0.AddDays(-1), T0.AddDays(5), CancellationToken.None);
                var expectedRaw = readings.GroupBy(r => r.Timestamp).Select(g => g.Last()).OrderBy(r => r.Timestamp).ToArray();
                Assert.Equal(expectedRaw, raw);

                var stored = ReadRollups(database.FilePath);
                var expected = Recompute(raw, register);
                Assert.Equal(expected.Count, stored.Count);
                foreach (var (key, row) in expected)
                {
                    Assert.True(stored.TryGetValue(key, out var actual), $"missing {key}");
                    Assert.Equal(row.Count, actual.Count);
                    Assert.Equal(row.Sum, actual.Sum, 6);
                    Assert.Equal(row.Min, actual.Min);
                    Assert.Equal(row.Max, actual.Max);
                    Assert.Equal(row.Energy is null, actual.Energy is null);
                    if (row.Energy is { } energy)
                    {
                        Assert.Equal(energy, actual.Energy!.Value, 6);
                    }
                }
            }, iter: 40);

    [Fact]
    public async Task Setting_aside_what_a_clock_stamped_ahead_leaves_rollups_equal_to_raw_and_counts_no_energy_twice() =>
        await Gen.Select(Gen.Int[0, 2 * 86_400].Array[2, 80], Gen.Int[0, 2 * 86_400], Gen.Int[1, 40_000].Array[1, 40], Gen.Bool)
            .SampleAsync(async sample =>
            {
                var (seconds, cutSecond, newSeconds, register) = sample;
                using var database = new TempDatabase();
                await using var store = database.Open(o => o.MaxChunkPoints = 16, household: new HouseholdCalendar(Berlin));

                // Real time order: the stored readings, then (after the clock stepped back to the cut) the new ones, so a
                // register counts on from the highest stored value.
                var stored = seconds.Distinct().Order().Select((s, i) => Reading(s, register ? i * 0.25 : (s * 7919) % 3001)).ToArray();
                var top = stored.Length * 0.25;
                var fresh = newSeconds.Distinct().Order().Select((s, i) => Reading(cutSecond + s, register ? top + i * 0.25 : s % 2000)).ToArray();
                foreach (var chunk in stored.Chunk(7))
                {
                    await store.AppendAsync(chunk, CancellationToken.None);
                    database.Time.Advance(TimeSpan.FromSeconds(61));
                }

                var cut = SummerTimeEnds.AddSeconds(cutSecond);
                var moved = await store.SetAsideAfterAsync(cut, CancellationToken.None);
                Assert.Equal(stored.Count(r => r.Timestamp > cut), moved);
                Assert.Equal(moved, database.Scalar("SELECT count(*) FROM set_aside_reading;"));
                await store.AppendAsync(fresh, CancellationToken.None);

                var series = register ? SeriesNames.ElectricImportEnergy : SeriesNames.ElectricPower;
                var raw = await store.GetRangeAsync(series, SummerTimeEnds.AddDays(-1), SummerTimeEnds.AddDays(5), CancellationToken.None);
                Assert.Equal([.. stored.Where(r => r.Timestamp <= cut), .. fresh], raw);
                var rows = ReadRollups(database.FilePath);
                var expected = Recompute(raw, register, Berlin);
                Assert.Equal(expected.Count, rows.Count);
                foreach (var (key, row) in expected)
                {
                    AssertRow(key, row, rows);
                }

                if (register)
                {
                    Assert.All(rows.Values, row => Assert.True((row.Energy ?? 0) >= 0, $"negative energy {row.Energy}"));
                    Assert.Equal(raw[^1].Value - raw[0].Value, rows.Where(r => r.Key.Level == 3).Sum(r => r.Value.Energy ?? 0), 6);
                }

                Reading Reading(int second, double value) => (register ? Import(0, value) : Power(0, value)) with { Timestamp = SummerTimeEnds.AddSeconds(second) };
            }, iter: 30);

    [Fact]
    public async Task Closed_buckets_are_on_disk_after_each_commit_and_a_restart_rebuilds_the_open_ones()
    {
        using var database = new TempDatabase();
        var household = new HouseholdCalendar(Tokyo);

        // Two hours of a register read every 7 s, in batches of 20 (2 min 20 s each), every batch committed by the window.
        var readings = Enumerable.Range(0, 1_030)
            .Select(i => Import(0, 0) with { Timestamp = T0.AddSeconds(i * 7), Value = Math.Round(i * 0.013, 3) })
            .ToArray();
        var first = database.Open(o => o.MaxChunkPoints = 256, household: household);
        try
        {
            for (var i = 0; i < readings.Length; i += 20)
            {
                await first.AppendAsync(readings[i..Math.Min(readings.Length, i + 20)], CancellationToken.None);
                database.Time.Advance(TimeSpan.FromSeconds(61));
            }

            Assert.Equal(0, first.PendingCount);
            var expected = Recompute(readings, register: true);
            var stored = ReadRollups(database.FilePath);
            var newest = readings[^1].Timestamp.ToUnixTimeMilliseconds();
            var closed = expected.Where(e => !Holds(e.Key, newest)).ToList();
            Assert.True(closed.Count > 100, $"only {closed.Count} closed buckets");
            foreach (var (key, row) in closed)
            {
                AssertRow(key, row, stored);
            }

            // The process dies here (no dispose, nothing settled); the next one rebuilds the open rows at start.
            await using var second = database.Open(o => o.MaxChunkPoints = 256, household: household);
            stored = ReadRollups(database.FilePath);
            Assert.Equal(expected.Count, stored.Count);
            foreach (var (key, row) in expected)
            {
                AssertRow(key, row, stored);
            }
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    /// <summary>True when the bucket <paramref name="key"/> holds <paramref name="ms"/>: the open bucket of a series whose newest point is there.</summary>
    private static bool Holds((int Level, long Start) key, long ms) => key.Level switch
    {
        0 => ms - (ms % 60_000) == key.Start,
        1 => ms - (ms % 900_000) == key.Start,
        2 => ms - (ms % 3_600_000) == key.Start,
        _ => ms >= key.Start && ms < key.Start + 86_400_000,
    };

    private static void AssertRow((int Level, long Start) key, Row row, Dictionary<(int Level, long Start), Row> stored)
    {
        Assert.True(stored.TryGetValue(key, out var actual), $"missing {key}");
        Assert.True(row.Count == actual.Count, $"{key}: count {actual.Count}, expected {row.Count}");
        Assert.Equal(row.Sum, actual.Sum, 6);
        Assert.Equal(row.Min, actual.Min);
        Assert.Equal(row.Max, actual.Max);
        Assert.Equal(row.Energy ?? 0, actual.Energy ?? 0, 6);
    }

    private static Dictionary<(int Level, long Start), Row> ReadRollups(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT level, start_ms, count, sum, min, max, energy FROM rollup;";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<(int, long), Row>();
        while (reader.Read())
        {
            rows[(reader.GetInt32(0), reader.GetInt64(1))] = new Row(
                reader.GetInt64(2),
                reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6));
        }

        return rows;
    }

    /// <summary>The definition, computed the slow way: stats by the bucket of each reading, energy steps by the bucket of (later reading − 1 ms).</summary>
    private static Dictionary<(int Level, long Start), Row> Recompute(IReadOnlyList<Reading> raw, bool register, TimeZoneInfo? zone = null)
    {
        zone ??= Tokyo;
        long Bucket(int level, long ms) => level switch
        {
            0 => ms - (ms % 60_000),
            1 => ms - (ms % 900_000),
            2 => ms - (ms % 3_600_000),
            _ => LocalMidnight(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), zone).Date, zone),
        };

        static long LocalMidnight(DateTime date, TimeZoneInfo zone) => new DateTimeOffset(date, zone.GetUtcOffset(date)).ToUnixTimeMilliseconds();

        var result = new Dictionary<(int, long), Row>();
        for (var level = 0; level < 4; level++)
        {
            var stats = raw.GroupBy(r => Bucket(level, r.Timestamp.ToUnixTimeMilliseconds()));
            foreach (var group in stats)
            {
                var values = group.Select(r => r.Value).ToArray();
                result[(level, group.Key)] = new Row(values.Length, values.Sum(), values.Min(), values.Max(), null);
            }

            if (!register)
            {
                continue;
            }

            for (var i = 1; i < raw.Count; i++)
            {
                var key = (level, Bucket(level, raw[i].Timestamp.ToUnixTimeMilliseconds() - 1));
                var step = RegisterArithmetic.Step(raw[i - 1].Value, raw[i].Value);
                result[key] = result.TryGetValue(key, out var row)
                    ? row with { Energy = (row.Energy ?? 0) + step }
                    : new Row(0, 0, null, null, step);
            }
        }

        return result;
    }
}
