namespace Aizu.Hardware.Pulse;

/// <summary>
/// Power from the time between pulses: one pulse is 1/PPK kWh, so a pulse every t seconds means 3.6e6 / (PPK · t) W.
/// While no pulse comes the estimate decays as the time since the last one grows, so a load switched off reads as
/// falling power rather than the last value forever.
/// </summary>
internal sealed class PowerEstimator(int pulsesPerKilowattHour, TimeProvider time)
{
    private readonly double _joulesPerPulse = 3.6e6 / pulsesPerKilowattHour;
    private long? _last;
    private TimeSpan? _interval;

    public void OnPulse(long timestamp)
    {
        if (_last is { } last)
        {
            _interval = time.GetElapsedTime(last, timestamp);
        }

        _last = timestamp;
    }

    /// <summary>Watts now, or null until two pulses have given an interval.</summary>
    public double? Watts(long now)
    {
        if (_last is not { } last || _interval is not { } interval || interval <= TimeSpan.Zero)
        {
            return null;
        }

        var since = time.GetElapsedTime(last, now);
        var seconds = (since > interval ? since : interval).TotalSeconds;
        return _joulesPerPulse / seconds;
    }
}
