namespace Aizu.Hardware.Pulse;

/// <summary>
/// Counts an S0 pulse output on a GPIO line: debounced rising edges, power from the interval between pulses, energy
/// from the count. The count is saved every <see cref="PulseMeterOptions.SaveInterval"/> and energy is reported only
/// after it was saved, so after a restart the register never drops back below a value already reported, and a pulse
/// is never counted twice.
/// </summary>
/// <remarks><paramref name="createDriver"/> gives a fresh GPIO driver for each (re)open, e.g. a <c>LibGpiodDriver</c> on a
/// Pi or a simulated one in tests.</remarks>
public sealed class PulseMeterSource(
    IOptions<PulseMeterOptions> options, Func<GpioDriver> createDriver, IPulseCountStore store, TimeProvider time, ILogger<PulseMeterSource> logger)
    : IReadingSource
{
    /// <summary>A system clock before this has not been set (a Pi without RTC boots at 1970).</summary>
    private static readonly DateTimeOffset EarliestTrustedTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly PulseMeterOptions _options = options.Value;
    // Also hands the clock to the power estimator, so one field keeps it (a parameter cannot do both).
    private readonly TimeProvider _time = time;
    private readonly Lock _gate = new();
    private readonly PulseDebouncer _debouncer = new(options.Value.DebounceTime);
    private readonly PowerEstimator _power = new(options.Value.PulsesPerKilowattHour, time);
    private readonly string _energySeries = options.Value.Role == PulseMeterRole.PvGeneration ? SeriesNames.PvGenerationEnergy : SeriesNames.ElectricImportEnergy;
    private readonly string _powerSeries = options.Value.Role == PulseMeterRole.PvGeneration ? SeriesNames.PvGenerationPower : SeriesNames.ElectricPower;
    private long _pulses;
    private long _saved = -1;
    private bool _clockWarned;

    /// <inheritdoc />
    public string Name => "pulse";

    /// <summary>Pulses counted, including those loaded from the count file.</summary>
    public long Pulses => Interlocked.Read(ref _pulses);

    /// <summary>Edges that were not pulses (contact bounce).</summary>
    public long RejectedEdges
    {
        get
        {
            lock (_gate)
            {
                return _debouncer.Rejected;
            }
        }
    }

    /// <inheritdoc />
    public async Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await LoadAsync(cancellationToken);
        var delay = TimeSpan.FromSeconds(1);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    using var controller = new GpioController(createDriver());
                    controller.OpenPin(_options.Pin, _options.InternalPullUp ? PinMode.InputPullUp : PinMode.Input);
                    controller.RegisterCallbackForPinValueChangedEvent(_options.Pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
                    Log.Counting(logger, _options.Pin, _options.GpioChip, _options.PulsesPerKilowattHour, Pulses);
                    delay = TimeSpan.FromSeconds(1);
                    await ReportAsync(output, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException
                    or InvalidOperationException or ArgumentException or Win32Exception or DllNotFoundException)
                {
                    Log.GpioUnavailable(logger, _options.Pin, ex.Message);
                }

                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
        finally
        {
            // Whatever stopped us, keep what was counted.
            await SaveAsync(CancellationToken.None);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        long pulses = 0;
        if (stored is not null)
        {
            pulses = stored.Pulses;
            if (stored.PulsesPerKilowattHour != _options.PulsesPerKilowattHour)
            {
                // Keep the energy, not the number: convert to pulses of the new constant.
                Log.MeterConstantChanged(logger, stored.PulsesPerKilowattHour, _options.PulsesPerKilowattHour);
                pulses = (long)Math.Round((double)stored.Pulses * _options.PulsesPerKilowattHour / stored.PulsesPerKilowattHour);
            }
        }

        Interlocked.Exchange(ref _pulses, pulses);
        _saved = stored is null ? -1 : pulses;
    }

    private void OnEdge(object sender, PinValueChangedEventArgs e)
    {
        long now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_debouncer.OnEdge(e.ChangeType, now, _time))
            {
                Interlocked.Increment(ref _pulses);
                _power.OnPulse(now);
            }
        }
    }

    private async Task ReportAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        var nextSave = _time.GetUtcNow() + _options.SaveInterval;
        while (true)
        {
            await Task.Delay(_options.PowerInterval, _time, cancellationToken);
            var now = _time.GetUtcNow();
            bool trusted = now >= EarliestTrustedTime;
            if (!trusted && !_clockWarned)
            {
                _clockWarned = true;
                Log.NoTrustedClock(logger);
            }

            double? watts;
            lock (_gate)
            {
                watts = _power.Watts(_time.GetTimestamp());
            }

            if (trusted && watts is { } w)
            {
                await output.WriteAsync(new Reading(_powerSeries, now, Math.Round(w, 1), Units.Watt), cancellationToken);
            }

            if (now >= nextSave)
            {
                nextSave = now + _options.SaveInterval;
                long saved = await SaveAsync(cancellationToken);
                if (trusted && saved >= 0)
                {
                    double kwh = _options.RegisterOffset + ((double)saved / _options.PulsesPerKilowattHour);
                    await output.WriteAsync(new Reading(_energySeries, now, Math.Round(kwh, 6), Units.KilowattHour), cancellationToken);
                }
            }
        }
    }

    /// <summary>Saves the count if it changed; returns the count now on disk, or -1 when none could be saved.</summary>
    private async Task<long> SaveAsync(CancellationToken cancellationToken)
    {
        long pulses = Pulses;
        if (pulses == _saved)
        {
            return pulses;
        }

        try
        {
            await store.SaveAsync(new PulseCount(pulses, _options.PulsesPerKilowattHour), cancellationToken);
            _saved = pulses;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.SaveFailed(logger, _options.CountFilePath, ex.Message);
        }

        return _saved;
    }
}
