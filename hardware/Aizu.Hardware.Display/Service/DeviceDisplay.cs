namespace Aizu.Hardware.Display;

/// <summary>
/// Keeps the on-device screen current: every <see cref="DeviceDisplayOptions.RefreshInterval"/> it
/// reads <see cref="IDisplayState"/> and draws the power and the alert indicator. A screen that stops
/// answering (unplugged, loose wire, NACK) is logged once and reopened at the next refresh. A transfer
/// that does not return (a stuck bus) blocks only the draw in flight: the service keeps ticking, logs the
/// stuck screen once after <see cref="StuckAfter"/>, never waits for it, and reopens it once the transfer returns.
/// </summary>
public sealed class DeviceDisplay : BackgroundService
{
    /// <summary>A draw still in flight after this long is reported as a stuck bus.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(10);

    private readonly DeviceDisplayOptions _options;
    private readonly IDisplayState _state;
    private readonly TimeProvider _time;
    private readonly ILogger<DeviceDisplay> _logger;
    private readonly int _address;
    private readonly string _location;

    // 1 while a draw owns the screen. Only the owner touches _screen and _failing.
    private int _drawing;
    private int _redrawRequested;
    private long _drawStarted;
    private int _stuckReported;
    private volatile bool _disposed;
    private IScreen? _screen;
    private bool _failing;

    /// <summary>Creates the display service.</summary>
    public DeviceDisplay(IOptions<DeviceDisplayOptions> options, IDisplayState state, TimeProvider time, ILogger<DeviceDisplay> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _state = state;
        _time = time;
        _logger = logger;
        if (!DisplayAddress.TryParse(_options.Address, _options.Kind, out _address))
        {
            throw new ArgumentException($"'{_options.Address}' is not an I2C address.", nameof(options));
        }

        _location = UsesGpio
            ? string.Create(CultureInfo.InvariantCulture, $"on GPIO chip {_options.GpioChip} (RS {_options.RsPin}, E {_options.EnablePin}, D4-D7 {string.Join('/', _options.DataPins)})")
            : string.Create(CultureInfo.InvariantCulture, $"at 0x{_address:X2} on I2C bus {_options.Bus}");
    }

    /// <summary>Raised after every refresh attempt that drew or failed (not one skipped because a draw is in flight); tests wait on it instead of sleeping.</summary>
    internal event EventHandler? Refreshed;

    private bool UsesGpio => _options.Kind == DisplayKind.Hd44780 && _options.Wiring == DisplayWiring.Gpio;

    /// <summary>
    /// Redraws the screen now. The host may call it when an alert is raised rather than wait for the
    /// next tick. Never waits for another draw: if one is in flight, that draw is asked to run once more
    /// with the current state and this call returns <see langword="false"/> at once (so a screen stuck on
    /// its bus never blocks the caller). Returns whether this call drew and the screen answered.
    /// </summary>
    public bool Refresh()
    {
        Volatile.Write(ref _redrawRequested, 1);
        bool? drawn = null;

        // Whoever holds the screen redraws until no request is left; re-checked after letting go, so a request
        // made while the owner was finishing is never lost.
        while (Volatile.Read(ref _redrawRequested) == 1 && Interlocked.CompareExchange(ref _drawing, 1, 0) == 0)
        {
            try
            {
                while (Interlocked.Exchange(ref _redrawRequested, 0) == 1 && !_disposed)
                {
                    Volatile.Write(ref _drawStarted, _time.GetTimestamp());
                    drawn = Draw();
                }
            }
            finally
            {
                if (_disposed)
                {
                    CloseQuietly();
                }

                Volatile.Write(ref _drawStarted, 0);
                Volatile.Write(ref _drawing, 0);
            }

            Refreshed?.Invoke(this, EventArgs.Empty);
        }

        if (drawn is null)
        {
            ReportIfStuck();
        }

        return drawn ?? false;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _disposed = true;

        // A draw stuck on the bus closes the screen itself when its transfer returns.
        if (Interlocked.CompareExchange(ref _drawing, 1, 0) == 0)
        {
            CloseQuietly();
            Volatile.Write(ref _drawing, 0);
        }

        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RefreshInterval, _time);
        try
        {
            do
            {
                // Off the loop: a transfer that never returns must not stop the ticks. A tick that finds a draw
                // still in flight returns at once (and reports it once it counts as stuck).
                _ = Task.Run(Refresh, CancellationToken.None).ContinueWith(
                    failed => Log.DrawFailed(_logger, _options.Kind, _location, failed.Exception!.GetBaseException()),
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted,
                    TaskScheduler.Default);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is the normal end; a draw stuck on the bus is left behind rather than waited for.
        }
    }

    private void ReportIfStuck()
    {
        // 0: no draw, or one that has only just begun.
        long started = Volatile.Read(ref _drawStarted);
        if (started == 0)
        {
            return;
        }

        var inFlight = _time.GetElapsedTime(started);
        if (inFlight >= StuckAfter && Interlocked.Exchange(ref _stuckReported, 1) == 0)
        {
            Log.ScreenStuck(_logger, _options.Kind, _location, inFlight);
        }
    }

    private bool Draw()
    {
        try
        {
            _screen ??= Open();
            _screen.Show(PowerText.Compose(_state, _time.GetUtcNow(), _options.StaleAfter));
            if (_failing || Volatile.Read(ref _stuckReported) == 1)
            {
                Log.ScreenRecovered(_logger, _options.Kind);
                _failing = false;
            }

            Volatile.Write(ref _stuckReported, 0);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stuck transfer was already reported; when it finally fails that is the same fault, not a new one.
            if (!_failing && Volatile.Read(ref _stuckReported) == 0)
            {
                Log.ScreenUnavailable(_logger, _options.Kind, _location, ex.Message);
            }

            _failing = true;
            Volatile.Write(ref _stuckReported, 0);
            CloseQuietly();
            return false;
        }
    }

    private IScreen Open()
    {
        IScreen screen = UsesGpio ? OpenGpioLcd() : OpenI2cScreen();
        Log.ScreenReady(_logger, _options.Kind, _location);
        return screen;
    }

    private IScreen OpenI2cScreen()
    {
        var device = _options.OpenI2cDevice(new I2cConnectionSettings(_options.Bus, _address));
        try
        {
            return _options.Kind == DisplayKind.Hd44780
                ? new CharacterLcdScreen(LcdInterface.CreateI2c(device, uses8Bit: false), _options.LcdModel)
                : new OledScreen(device, _options.Height);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    private CharacterLcdScreen OpenGpioLcd()
    {
        var controller = new GpioController(_options.OpenGpioDriver(_options.GpioChip));
        try
        {
            // R/W is tied to ground (-1): the Pi only writes, so a 5 V LCD never drives the Pi's 3.3 V lines.
            var lcdInterface = LcdInterface.CreateGpio(
                _options.RsPin,
                _options.EnablePin,
                _options.DataPins,
                _options.BacklightPin,
                backlightBrightness: 1.0f,
                readWritePin: -1,
                controller,
                shouldDispose: true);
            return new CharacterLcdScreen(lcdInterface, _options.LcdModel);
        }
        catch
        {
            controller.Dispose();
            throw;
        }
    }

    private void CloseQuietly()
    {
        try
        {
            _screen?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Switching off a screen that no longer answers fails; it is being dropped anyway.
        }

        _screen = null;
    }
}
