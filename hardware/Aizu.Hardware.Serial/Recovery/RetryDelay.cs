namespace Aizu.Hardware.Serial.Recovery;

/// <summary>Back-off between attempts to reach a device: 1 s doubling up to a ceiling, back to 1 s after a success.</summary>
/// <param name="maximum">The longest wait.</param>
public sealed class RetryDelay(TimeSpan maximum)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private TimeSpan _next = First;

    /// <summary>How long to wait before the next attempt; each call doubles the wait after it.</summary>
    public TimeSpan Next()
    {
        var delay = _next < maximum ? _next : maximum;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, maximum.Ticks));
        return delay;
    }

    /// <summary>The device answered: the next failure waits the shortest time again.</summary>
    public void Reset() => _next = First;
}
