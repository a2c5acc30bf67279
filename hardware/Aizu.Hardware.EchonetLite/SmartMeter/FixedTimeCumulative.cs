namespace Aizu.Hardware.EchonetLite.SmartMeter;

/// <summary>
/// EPC 0xEA / 0xEB: a cumulative reading taken by the meter on the hour or half hour.
/// </summary>
/// <param name="MeterLocalTime">
/// The meter's own wall-clock time, so <see cref="DateTimeKind.Unspecified"/>: the frame carries no offset and the
/// meter's clock may drift from the gateway's.
/// </param>
/// <param name="Raw">The cumulative value before coefficient and unit are applied.</param>
public readonly record struct FixedTimeCumulative(DateTime MeterLocalTime, uint Raw);
