namespace Aizu.Ingest.Tests;

/// <summary>
/// A fake system clock that can be set back and forward, as NTP or a person does, while its monotonic
/// timestamp (which nothing can set) and its timers only move with <see cref="Advance"/>.
/// </summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider inner = new(start);
    private TimeSpan offset;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Lets time pass: wall clock, monotonic clock and timers alike.</summary>
    public void Advance(TimeSpan delta) => inner.Advance(delta);

    /// <summary>Sets the wall clock by <paramref name="delta"/> (negative: back); nothing else moves.</summary>
    public void Step(TimeSpan delta) => offset += delta;

    /// <summary>Sets the wall clock to <paramref name="at"/>.</summary>
    public void Set(DateTimeOffset at) => offset = at - inner.GetUtcNow();
}
