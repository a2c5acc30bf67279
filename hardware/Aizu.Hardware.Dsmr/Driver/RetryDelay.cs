namespace Aizu.Hardware.Dsmr;

/// <summary>Back-off between attempts to open the port: 1 s doubling up to a ceiling, reset after a valid telegram.</summary>
internal sealed class RetryDelay(TimeSpan maximum)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private TimeSpan _next = First;

    public TimeSpan Next()
    {
        var delay = _next < maximum ? _next : maximum;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, maximum.Ticks));
        return delay;
    }

    public void Reset() => _next = First;
}
