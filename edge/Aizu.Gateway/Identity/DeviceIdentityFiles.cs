namespace Aizu.Gateway.Identity;

/// <summary>
/// Where the gateway keeps its device identity: one directory, <c>Aizu:Uplink:IdentityDirectory</c> or
/// <c>identity</c> beside the database, holding the private key, the gateway id, the certificate request and,
/// once enrolled, the city-issued certificate and the city's CA.
/// </summary>
/// <param name="Directory">The identity directory (absolute).</param>
internal sealed record DeviceIdentityFiles(string Directory)
{
    /// <summary>The key naming the directory.</summary>
    public const string DirectoryKey = "Aizu:Uplink:IdentityDirectory";

    /// <summary>The device's private key, PKCS#8 PEM, mode 0600. Never leaves the device.</summary>
    public string Key => Path.Combine(Directory, "device.key");

    /// <summary>The pseudonymous gateway id, one line.</summary>
    public string GatewayId => Path.Combine(Directory, "gateway-id");

    /// <summary>The certificate signing request (PEM) to hand to the city.</summary>
    public string Request => Path.Combine(Directory, "device.csr");

    /// <summary>The certificate the city issued, installed by <c>aizu enroll</c>.</summary>
    public string Certificate => Path.Combine(Directory, "device.pem");

    /// <summary>The city's CA, pinned for the broker's certificate; installed by <c>aizu enroll --ca</c>.</summary>
    public string CityCa => Path.Combine(Directory, "city-ca.pem");

    /// <summary>The directory the configuration names, else <c>identity</c> beside the gateway's database.</summary>
    public static DeviceIdentityFiles For(IConfiguration configuration, string? databaseOverride = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[DirectoryKey] is { Length: > 0 } configured)
        {
            return new DeviceIdentityFiles(Path.GetFullPath(configured));
        }

        var database = Path.GetFullPath(databaseOverride ?? GatewayConfiguration.DatabasePath(configuration) ?? GatewayConfiguration.DemoDatabasePath);
        return new DeviceIdentityFiles(Path.Combine(Path.GetDirectoryName(database)!, "identity"));
    }
}
