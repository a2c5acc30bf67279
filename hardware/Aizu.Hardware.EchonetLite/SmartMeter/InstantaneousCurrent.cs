namespace Aizu.Hardware.EchonetLite.SmartMeter;

/// <summary>
/// EPC 0xE8. A single-phase two-wire meter reports no T phase, hence the nullable second value.
/// </summary>
public readonly record struct InstantaneousCurrent(double RPhaseAmperes, double? TPhaseAmperes);
