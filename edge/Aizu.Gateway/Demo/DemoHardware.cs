namespace Aizu.Gateway.Demo;

/// <summary>
/// Demo mode's hardware: a simulated Wi-SUN dongle and smart meter behind a pseudo-terminal, at the
/// device path the real B-route driver is configured to open. Nothing else in the gateway knows it is
/// a simulation.
/// </summary>
internal sealed class DemoHardware : IHostedService, IAsyncDisposable
{
    private readonly DemoSettings _settings;
    private readonly string _devicePath;
    private readonly string _routeBId;
    private readonly string _password;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private SimulatedWiSunDongle? _dongle;

    public DemoHardware(IOptions<DemoSettings> settings, IOptions<Aizu.Hardware.BRoute.BRouteOptions> broute, TimeProvider time, ILoggerFactory loggers)
    {
        _settings = settings.Value;
        _devicePath = broute.Value.DevicePath;
        _routeBId = broute.Value.RouteBId;
        _password = broute.Value.Password;
        _time = time;
        _loggers = loggers;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new SimulatedDongleOptions
        {
            Dialect = Enum.Parse<SkstackDialect>(_settings.Dialect, ignoreCase: true),
            DevicePath = _devicePath,
            RouteBId = _routeBId,
            Password = _password,
            LatencyScale = _settings.LatencyScale,
        };
        _dongle = await BRouteSimulation.StartAsync(options, _time, _loggers, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_dongle is { } dongle)
        {
            _dongle = null;
            await dongle.DisposeAsync();
        }
    }
}
