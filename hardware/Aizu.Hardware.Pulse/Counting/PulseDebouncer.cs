namespace Aizu.Hardware.Pulse;

/// <summary>
/// Decides which edges of an S0 line are pulses. The line idles high (pull-up) and the meter pulls it low for at least
/// 30 ms per pulse (DIN 43864); a pulse counts on its rising edge, and only if the line was low for at least the
/// debounce time. Contact bounce at either end of a pulse gives extra edges only microseconds to a few milliseconds
/// apart, so each pulse counts exactly once.
/// </summary>
public sealed class PulseDebouncer
{
    private readonly TimeSpan _debounce;
    private long? _wentLowAt;

    /// <summary>Creates a debouncer that needs the line low for at least <paramref name="debounce"/>.</summary>
    public PulseDebouncer(TimeSpan debounce)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(debounce, TimeSpan.Zero);
        _debounce = debounce;
    }

    /// <summary>Edges that were not a pulse (bounce, or a rising edge without a falling one first).</summary>
    public long Rejected { get; private set; }

    /// <summary>Feeds one edge seen at <paramref name="timestamp"/> (a <see cref="TimeProvider.GetTimestamp"/> of
    /// <paramref name="time"/>); true when it completes a pulse.</summary>
    public bool OnEdge(PinEventTypes edge, long timestamp, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (edge.HasFlag(PinEventTypes.Falling))
        {
            _wentLowAt = timestamp;
            return false;
        }

        if (!edge.HasFlag(PinEventTypes.Rising))
        {
            return false;
        }

        bool pulse = _wentLowAt is { } low && time.GetElapsedTime(low, timestamp) >= _debounce;
        _wentLowAt = null;
        if (!pulse)
        {
            Rejected++;
        }

        return pulse;
    }
}
