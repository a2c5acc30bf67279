namespace Aizu.Hardware.Dsmr;

/// <summary>The last value an M-Bus device (gas, water, heat) reported to the electricity meter.</summary>
/// <param name="Channel">M-Bus channel 1–4 (the B of <c>0-B:24.2.1</c>).</param>
/// <param name="Medium">What the device measures.</param>
/// <param name="CapturedAt">When the device measured the value (its own clock, typically every 5 minutes or every
/// hour), not when the telegram was sent; null when the meter sent no usable time.</param>
/// <param name="Value">The register value in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit the meter sent, e.g. <c>m3</c> or <c>GJ</c>.</param>
/// <param name="Obis">The object it came from (0-n:24.2.1, 0-n:24.2.3 or DSMR 2.2's 0-n:24.3.0).</param>
public sealed record MBusValue(int Channel, MBusMedium Medium, DateTimeOffset? CapturedAt, decimal Value, string Unit, ObisCode Obis);
