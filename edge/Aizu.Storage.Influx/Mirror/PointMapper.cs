namespace Aizu.Storage.Influx;

/// <summary>
/// How stored data looks in InfluxDB. Raw readings: measurement <c>aizu_reading</c>, tags
/// <c>metric</c> (the series name) and <c>unit</c>, fields <c>value</c> (float) and <c>quality</c> (Good, Backfilled,
/// Uncertain), stamped at the reading's millisecond. Rollups: measurement <c>aizu_rollup</c>, tags
/// <c>metric</c>, <c>unit</c> and <c>resolution</c> (1m, 15m, 1h, 1d), fields <c>count</c> (integer)
/// and, where the bucket has them, <c>min</c>, <c>max</c>, <c>mean</c> and <c>energy</c>, stamped at
/// the bucket's start. A series and a timestamp identify a point, so writing one again overwrites it
/// instead of adding a second.
/// </summary>
internal static class PointMapper
{
    public const string ReadingMeasurement = "aizu_reading";
    public const string RollupMeasurement = "aizu_rollup";

    public static PointData Reading(Reading reading) =>
        PointData.Builder.Measurement(ReadingMeasurement)
            .Tag("metric", reading.Series)
            .Tag("unit", reading.Unit)
            .Field("value", reading.Value)
            .Field("quality", QualityName(reading.Quality))
            .Timestamp(reading.Timestamp.ToUnixTimeMilliseconds(), WritePrecision.Ms)
            .ToPointData();

    public static PointData Rollup(string series, string unit, string resolution, AggregatePoint bucket)
    {
        var builder = PointData.Builder.Measurement(RollupMeasurement)
            .Tag("metric", series)
            .Tag("unit", unit)
            .Tag("resolution", resolution)
            .Field("count", bucket.Count);
        if (bucket.Min is { } min)
        {
            builder = builder.Field("min", min);
        }

        if (bucket.Max is { } max)
        {
            builder = builder.Field("max", max);
        }

        if (bucket.Mean is { } mean)
        {
            builder = builder.Field("mean", mean);
        }

        if (bucket.Energy is { } energy)
        {
            builder = builder.Field("energy", energy);
        }

        return builder.Timestamp(bucket.Start.ToUnixTimeMilliseconds(), WritePrecision.Ms).ToPointData();
    }

    private static string QualityName(ReadingQuality quality) => quality switch
    {
        ReadingQuality.Good => "Good",
        ReadingQuality.Backfilled => "Backfilled",
        ReadingQuality.Uncertain => "Uncertain",
        _ => "Unknown",
    };
}
