namespace Aizu.Hardware.Simulators.Pulse;

/// <summary>
/// An electricity meter's S0 pulse output: the line idles high and is pulled low for one pulse width each time the
/// meter has counted 1/PPK kWh, at the rate the load dictates, with contact bounce at both ends. Time comes from the
/// injected <see cref="TimeProvider"/>, so a test with a fake clock gets exact, repeatable edges. A driver sees the
/// line through <see cref="CreateDriver"/>, the same <see cref="GpioDriver"/> interface a Raspberry Pi's GPIO has.
/// </summary>
public sealed class SimulatedS0Meter : IDisposable
{
    private readonly SimulatedS0Options _options;
    private readonly TimeProvider _time;
    private readonly Func<DateTimeOffset, double> _load;
    private readonly Lock _gate = new();
    private readonly Queue<(TimeSpan Offset, bool High)> _pending = new();
    private ITimer? _timer;
    private DateTimeOffset _pulseStart;
    private bool _high = true;
    private bool _silent;
    private readonly FaultBudget _failOpens = new();
    private long _pulses;

    /// <summary>Creates the output; <see cref="Start"/> starts pulsing.</summary>
    public SimulatedS0Meter(SimulatedS0Options options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.PulsesPerKilowattHour < 1 || options.PulseWidth <= TimeSpan.Zero || options.BounceFlips < 0 || options.BounceGap <= TimeSpan.Zero)
        {
            throw new ArgumentException("PulsesPerKilowattHour, PulseWidth and BounceGap must be positive, BounceFlips at least 0.", nameof(options));
        }

        _options = options;
        _time = time;
        var household = new EuropeanHouseholdProfile();
        _load = options.Load ?? household.PowerWatts;
    }

    /// <summary>Pulses the meter has sent in full (a pulse in progress is not counted yet).</summary>
    public long PulsesSent => Interlocked.Read(ref _pulses);

    /// <summary>The energy those pulses stand for, kWh.</summary>
    public double EnergySent => (double)PulsesSent / _options.PulsesPerKilowattHour;

    /// <summary>The pin the output is wired to.</summary>
    public int Pin => _options.Pin;

    internal bool High
    {
        get
        {
            lock (_gate)
            {
                return _high;
            }
        }
    }

    internal event Action<PinEventTypes>? Edge;

    /// <summary>Starts pulsing; the first pulse comes one pulse interval from now.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _timer ??= _time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            ScheduleNextPulse(_time.GetUtcNow());
        }
    }

    /// <summary>While true no pulses come (load off, or the S0 wire cut: the pull-up keeps the line high).</summary>
    public void SetSilent(bool silent)
    {
        lock (_gate)
        {
            _silent = silent;
        }
    }

    /// <summary>Makes the next <paramref name="count"/> attempts to open the pin fail, as when the GPIO is busy or not
    /// permitted.</summary>
    public void FailNextOpens(int count)
    {
        _failOpens.Arm(count);
    }

    /// <summary>A GPIO driver that sees this output on <see cref="SimulatedS0Options.Pin"/>. Each open of a
    /// <see cref="GpioController"/> needs its own, as the controller disposes its driver.</summary>
    public GpioDriver CreateDriver() => new SimulatedS0Driver(this);

    /// <summary>Stops pulsing.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    internal bool TakeOpenFailure() => _failOpens.TakeOne();

    private void Fire()
    {
        PinEventTypes? edge = null;
        lock (_gate)
        {
            if (_timer is null)
            {
                return;
            }

            if (_pending.Count == 0)
            {
                // A new pulse begins now (unless the load is off).
                var now = _time.GetUtcNow();
                if (_silent)
                {
                    ScheduleNextPulse(now);
                    return;
                }

                _pulseStart = now;
                QueuePulse();
            }

            var (_, high) = _pending.Dequeue();
            if (high != _high)
            {
                _high = high;
                edge = high ? PinEventTypes.Rising : PinEventTypes.Falling;
            }

            if (_pending.TryPeek(out var next))
            {
                _timer.Change(Max(_pulseStart + next.Offset - _time.GetUtcNow(), TimeSpan.Zero), Timeout.InfiniteTimeSpan);
            }
            else
            {
                // The pulse is over (bounce included): now it counts as sent.
                Interlocked.Increment(ref _pulses);
                ScheduleNextPulse(_pulseStart);
            }
        }

        // Outside the lock, as a GPIO interrupt thread would call the driver's handlers.
        if (edge is { } e)
        {
            Edge?.Invoke(e);
        }
    }

    private void QueuePulse()
    {
        var width = _options.PulseWidth;
        var gap = _options.BounceGap;
        _pending.Enqueue((TimeSpan.Zero, false));
        for (int k = 1; k <= _options.BounceFlips; k++)
        {
            _pending.Enqueue(((gap * k) - (gap / 2), true));
            _pending.Enqueue((gap * k, false));
        }

        _pending.Enqueue((width, true));
        for (int k = 1; k <= _options.BounceFlips; k++)
        {
            _pending.Enqueue((width + (gap * k) - (gap / 2), false));
            _pending.Enqueue((width + (gap * k), true));
        }
    }

    private void ScheduleNextPulse(DateTimeOffset from)
    {
        // One pulse per 1/PPK kWh at the present load; a real output saturates when pulses would overlap.
        var watts = Math.Max(_load(from), 1);
        var interval = TimeSpan.FromSeconds(3.6e6 / (_options.PulsesPerKilowattHour * watts));
        var shortest = (_options.PulseWidth + (_options.BounceGap * (_options.BounceFlips + 1))) * 2;
        var due = from + Max(interval, shortest) - _time.GetUtcNow();
        _timer?.Change(Max(due, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
