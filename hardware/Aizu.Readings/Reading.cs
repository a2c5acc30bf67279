namespace Aizu.Readings;

/// <summary>
/// One measured value from a meter or sensor. Drivers produce these and know nothing about
/// where they go; the ingest pipeline stores them and feeds the live panel.
/// </summary>
/// <param name="Series">Stable series name, see <see cref="SeriesNames"/>.</param>
/// <param name="Timestamp">When the value was measured (UTC offset kept as given).</param>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit symbol, see <see cref="Units"/>.</param>
/// <param name="Quality">How far the value can be trusted.</param>
public readonly record struct Reading(
    string Series,
    DateTimeOffset Timestamp,
    double Value,
    string Unit,
    ReadingQuality Quality = ReadingQuality.Good);
