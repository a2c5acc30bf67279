namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>Real timers, but a wall clock moved by a fixed offset: a Pi that booted without RTC at 1970.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
