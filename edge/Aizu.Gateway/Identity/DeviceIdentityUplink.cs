namespace Aizu.Gateway.Identity;

/// <summary>
/// Fills the uplink's identity settings the installer left empty from the device identity: the gateway id, the
/// enrolled certificate and its key, and the city CA <c>aizu enroll --ca</c> installed. A value in the configuration
/// always wins, so a gateway enrolled by hand keeps working.
/// </summary>
internal static class DeviceIdentityUplink
{
    public static void Apply(UplinkOptions options, DeviceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        if (string.IsNullOrEmpty(options.GatewayId))
        {
            options.GatewayId = identity.GatewayId;
        }

        if (!options.UseTls)
        {
            return;
        }

        // The key file may still be only in memory here (first start); the host writes it before the uplink connects.
        if (options.ClientCertificateFile.Length == 0 && options.ClientKeyFile.Length == 0 && identity.IsEnrolled && !identity.IsNew)
        {
            options.ClientCertificateFile = identity.Files.Certificate;
            options.ClientKeyFile = identity.Files.Key;
        }

        if (options.CaFile.Length == 0 && File.Exists(identity.Files.CityCa))
        {
            options.CaFile = identity.Files.CityCa;
        }
    }

    public static void Apply(EgressOptions options, DeviceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        if (string.IsNullOrEmpty(options.GatewayId))
        {
            options.GatewayId = identity.GatewayId;
        }
    }
}
