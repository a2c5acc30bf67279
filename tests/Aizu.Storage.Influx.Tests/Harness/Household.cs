namespace Aizu.Storage.Influx.Tests;

/// <summary>Readings at 1 Hz for a few series, stamped from a UTC midnight two days ago.</summary>
internal static class Household
{
    public static readonly DateTimeOffset T0 = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-2);

    public static string Series(int index) => $"test.power.{index}";

    public static double Watts(int series, int second) => 300 + (50 * series) + (second % 97);

    /// <summary>Seconds [<paramref name="from"/>, <paramref name="to"/>) of every one of <paramref name="seriesCount"/> series.</summary>
    public static Reading[] Seconds(int seriesCount, int from, int to)
    {
        var readings = new Reading[seriesCount * (to - from)];
        var i = 0;
        for (var s = 0; s < seriesCount; s++)
        {
            for (var second = from; second < to; second++)
            {
                readings[i++] = new Reading(Series(s), T0.AddSeconds(second), Watts(s, second), Units.Watt, ReadingQuality.Good);
            }
        }

        return readings;
    }

    /// <summary>Complete buckets of width <paramref name="widthSeconds"/> in a contiguous run of <paramref name="seconds"/> from T0: those ending before the last reading.</summary>
    public static int ClosedBuckets(int seconds, int widthSeconds) => (seconds - 2) / widthSeconds;
}
