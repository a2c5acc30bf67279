namespace Aizu.Gateway.Demo;

/// <summary>
/// The European demo household: a simulated DSMR 5 P1 port (electricity and an M-Bus gas meter)
/// behind a pseudo-terminal, read by the real DSMR driver at its configured device path.
/// </summary>
internal sealed class DemoP1Meter(IOptions<DsmrOptions> dsmr, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private SimulatedP1Meter? _meter;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _meter = await DsmrSimulation.StartAsync(new SimulatedP1Options { DevicePath = dsmr.Value.DevicePath, Protocol = dsmr.Value.Protocol }, time, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_meter is { } meter)
        {
            _meter = null;
            await meter.DisposeAsync();
        }
    }
}
