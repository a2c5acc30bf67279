using System.Text.Json.Serialization;
using Aizu.Readings;

namespace Aizu.Panel;

/// <summary>The data of one <c>event: reading</c> on <c>/api/live</c>.</summary>
internal sealed record LiveReadingEvent(
    [property: JsonPropertyName("series")] string Series,
    [property: JsonPropertyName("ts")] DateTimeOffset Ts,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit)
{
    public static LiveReadingEvent From(Reading reading) => new(reading.Series, reading.Timestamp, reading.Value, reading.Unit);
}
