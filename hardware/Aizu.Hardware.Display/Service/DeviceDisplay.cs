using System.Device.I2c;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Display;

/// <summary>
/// Keeps the on-device screen current: every <see cref="DeviceDisplayOptions.RefreshInterval"/> it
/// reads <see cref="IDisplayState"/> and draws the power and the alert indicator. A screen that stops
/// answering (unplugged, loose wire) is logged once and reopened at the next refresh.
/// </summary>
public sealed class DeviceDisplay : BackgroundService
{
    private readonly DeviceDisplayOptions _options;
    private readonly IDisplayState _state;
    private readonly TimeProvider _time;
    private readonly ILogger<DeviceDisplay> _logger;
    private readonly Lock _gate = new();
    private readonly int _address;
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
    }

    /// <summary>Raised after every refresh attempt, drawn or not; tests wait on it instead of sleeping.</summary>
    internal event EventHandler? Refreshed;

    /// <summary>
    /// Redraws the screen now. The host may call it when an alert is raised rather than wait for the
    /// next tick. Returns whether the screen answered.
    /// </summary>
    public bool Refresh()
    {
        bool drawn;
        lock (_gate)
        {
            drawn = Draw();
        }

        Refreshed?.Invoke(this, EventArgs.Empty);
        return drawn;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        lock (_gate)
        {
            _screen?.Dispose();
            _screen = null;
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
                Refresh();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is the normal end.
        }
    }

    private bool Draw()
    {
        try
        {
            _screen ??= Open();
            _screen.Show(PowerText.Compose(_state, _time.GetUtcNow(), _options.StaleAfter));
            if (_failing)
            {
                Log.ScreenRecovered(_logger, _options.Kind);
                _failing = false;
            }

            return true;
        }
        catch (IOException ex)
        {
            if (!_failing)
            {
                Log.ScreenUnavailable(_logger, _options.Kind, _address, _options.Bus, ex.Message);
                _failing = true;
            }

            CloseQuietly();
            return false;
        }
    }

    private IScreen Open()
    {
        var device = _options.OpenI2cDevice(new I2cConnectionSettings(_options.Bus, _address));
        try
        {
            IScreen screen = _options.Kind == DisplayKind.Hd44780
                ? new CharacterLcdScreen(device)
                : new OledScreen(device, _options.Height);
            Log.ScreenReady(_logger, _options.Kind, _address, _options.Bus);
            return screen;
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    private void CloseQuietly()
    {
        try
        {
            _screen?.Dispose();
        }
        catch (IOException)
        {
            // Switching off a screen that no longer answers fails; it is being dropped anyway.
        }

        _screen = null;
    }
}
