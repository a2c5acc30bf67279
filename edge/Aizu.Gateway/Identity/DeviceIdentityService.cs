using Microsoft.Extensions.Hosting;

namespace Aizu.Gateway.Identity;

/// <summary>
/// Writes a new device identity at the start of the host, after the options passed their checks and before the
/// uplink connects (hosted services start in order; this one is registered first).
/// </summary>
internal sealed class DeviceIdentityService(DeviceIdentity identity) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => identity.PersistAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
