namespace Aizu.Storage.Benchmarks;

/// <summary>
/// The benchmark data: 12 series of integer watts at 1 Hz,
/// <c>base + cook + 200·sin(i/900) + N(0, 25)</c> with <c>base = 300 + 50·series</c> and
/// <c>cook = 1500</c> W from 07:00 to 08:00 and 18:00 to 19:30 (UTC day), else 0, from a seeded RNG.
/// </summary>
public sealed class BenchmarkData
{
    public const int SeriesCount = 12;
    public const int SecondsPerDay = 86_400;

    /// <summary>The day the one-day data set covers.</summary>
    public static readonly DateTimeOffset Day = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random random;
    private double? spare;

    public BenchmarkData(int seed) => random = new Random(seed);

    public static string[] SeriesNames { get; } =
        Enumerable.Range(0, SeriesCount).Select(s => $"bench.power.{s:00}").ToArray();

    /// <summary>Watts of series <paramref name="series"/> at second <paramref name="second"/> of a day.</summary>
    public double Watts(int series, int second)
    {
        var cook = second is >= 7 * 3_600 and < 8 * 3_600 or >= 18 * 3_600 and < (19 * 3_600) + 1_800 ? 1_500 : 0;
        return Math.Round(300 + (50 * series) + cook + (200 * Math.Sin(second / 900.0)) + (25 * Gaussian()));
    }

    /// <summary>One day of all series, time-major (second 0 of every series, then second 1, …), as the pipeline delivers them.</summary>
    public Reading[] OneDay(DateTimeOffset day) => OneDay(day, new Reading[SeriesCount * SecondsPerDay]);

    /// <summary>Fills <paramref name="readings"/> (reused across days when generating a year) with one day.</summary>
    public Reading[] OneDay(DateTimeOffset day, Reading[] readings)
    {
        var names = SeriesNames;
        for (var second = 0; second < SecondsPerDay; second++)
        {
            var at = day.AddSeconds(second);
            for (var series = 0; series < SeriesCount; series++)
            {
                readings[(second * SeriesCount) + series] = new Reading(names[series], at, Watts(series, second), Units.Watt);
            }
        }

        return readings;
    }

    /// <summary>Box–Muller: two normal deviates per two uniforms.</summary>
    private double Gaussian()
    {
        if (spare is { } kept)
        {
            spare = null;
            return kept;
        }

        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}
