namespace Aizu.Gateway.Identity;

/// <summary>
/// Writes a new device identity at the start of the host, after the options passed their checks and before the
/// uplink connects (hosted services start in order; this one is registered first). A disk that refuses it does not
/// stop the meter being read: only the city link needs the identity.
/// </summary>
internal sealed class DeviceIdentityService(DeviceIdentity identity, ILogger<DeviceIdentityService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        bool created = identity.IsNew;
        try
        {
            await identity.PersistAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            logger.IdentityNotWritten(identity.Files.Directory, exception.Message);
            return;
        }

        if (created)
        {
            logger.IdentityCreated(identity.GatewayId, identity.Files.Request);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
