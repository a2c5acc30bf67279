namespace Aizu.Hardware.Sml;

/// <summary>An SML_Time.</summary>
/// <param name="Kind">What <paramref name="Value"/> counts.</param>
/// <param name="Value">The count of seconds.</param>
/// <param name="LocalOffsetMinutes">For <see cref="SmlTimeKind.LocalTimestamp"/>: the zone's offset from UTC.</param>
/// <param name="SeasonOffsetMinutes">For <see cref="SmlTimeKind.LocalTimestamp"/>: the extra daylight-saving offset.</param>
public sealed record SmlTime(SmlTimeKind Kind, uint Value, short? LocalOffsetMinutes = null, short? SeasonOffsetMinutes = null)
{
    /// <summary>The calendar time, or null for a second index.</summary>
    public DateTimeOffset? Instant => Kind == SmlTimeKind.SecondIndex
        ? null
        : DateTimeOffset.FromUnixTimeSeconds(Value).ToOffset(TimeSpan.FromMinutes((LocalOffsetMinutes ?? 0) + (SeasonOffsetMinutes ?? 0)));
}
