namespace Aizu.Testing;

/// <summary>Real timers, but a wall clock moved by a fixed offset: a Pi that booted without RTC at 1970.</summary>
/// <param name="offset">How far the wall clock is moved from the real one.</param>
public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    /// <summary>A wall clock that reads <paramref name="instant"/> now and runs on from there.</summary>
    public static ShiftedTimeProvider StartingAt(DateTimeOffset instant) => new(instant - DateTimeOffset.UtcNow);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
