namespace Aizu.Hardware.Dsmr;

/// <summary>The highest quarter-hour average import of the month so far (e-MUCS 1-0:1.6.0).</summary>
/// <param name="OccurredAt">When the quarter hour with the peak ended.</param>
/// <param name="Watts">The peak demand, W.</param>
public sealed record PeakDemand(DateTimeOffset OccurredAt, decimal Watts);
