namespace Aizu.Hardware.BRoute;

/// <summary>Back-off between recovery attempts: 1 s doubling up to a ceiling, reset after success.</summary>
internal sealed class RetryDelay(TimeSpan maximum)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private TimeSpan _next = First;

    public TimeSpan Next()
    {
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, maximum.Ticks));
        return delay < maximum ? delay : maximum;
    }

    public void Reset() => _next = First;
}
