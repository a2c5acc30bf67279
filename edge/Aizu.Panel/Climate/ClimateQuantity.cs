namespace Aizu.Panel;

/// <summary>One quantity of one room in <c>GET /api/climate</c>: the latest value and the line of the last hours.</summary>
/// <param name="Value">The latest value.</param>
/// <param name="Unit">Its unit as stored (<c>Cel</c>, <c>%RH</c>, <c>ppm</c>, <c>hPa</c>).</param>
/// <param name="At">When it was measured.</param>
/// <param name="Level">Where it lies in the comfort band (see <see cref="ComfortBands"/>); null for pressure.</param>
/// <param name="Stale">True when the latest value is older than the freshness limit (the sensor has stopped reporting).</param>
/// <param name="Times">Start of each line bucket, Unix seconds.</param>
/// <param name="Values">Mean of each line bucket; null where the bucket had no reading.</param>
internal sealed record ClimateQuantity(
    double Value,
    string Unit,
    DateTimeOffset At,
    string? Level,
    bool Stale,
    IReadOnlyList<long> Times,
    IReadOnlyList<double?> Values);
