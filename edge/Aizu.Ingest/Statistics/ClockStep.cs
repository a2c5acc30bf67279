namespace Aizu.Ingest;

/// <summary>A step of the system clock: when (by the clock after the step) and by how much (negative: back).</summary>
public sealed record ClockStep(DateTimeOffset At, TimeSpan By);
