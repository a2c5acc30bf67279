namespace Aizu.Panel;

/// <summary>The data of one <c>event: reading</c> on <c>/api/live</c>.</summary>
internal sealed record LiveReadingEvent(
    string Series,
    DateTimeOffset Ts,
    double Value,
    string Unit)
{
    public static LiveReadingEvent From(Reading reading) => new(reading.Series, reading.Timestamp, reading.Value, reading.Unit);
}
