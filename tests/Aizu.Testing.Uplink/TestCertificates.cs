namespace Aizu.Testing.Uplink;

/// <summary>
/// A throw-away PKI from <see cref="TestCertificateAuthority"/>: the CA, the broker's certificate (for 127.0.0.1) and
/// a device certificate (CN = the gateway id), written as PEM files to a directory mosquitto can read (it drops
/// privileges before reading them).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory, string serverCertificate, string serverKey, string deviceCertificate, string deviceKey)
    {
        Directory = directory;
        ServerCertificateFile = serverCertificate;
        ServerKeyFile = serverKey;
        DeviceCertificateFile = deviceCertificate;
        DeviceKeyFile = deviceKey;
    }

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    public string DeviceCertificateFile { get; }

    public string DeviceKeyFile { get; }

    public static TestCertificates Create(string deviceCommonName)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("aizu-pki-").FullName;
        TestCertificateAuthority.OpenToTheBroker(directory);
        using var authority = TestCertificateAuthority.Create("Aizu Test City CA");
        authority.WriteCertificate(Path.Combine(directory, "ca.pem"));
        var server = authority.WriteBrokerCertificate(directory);
        var now = DateTimeOffset.UtcNow;
        var device = authority.WriteClientCertificate(directory, deviceCommonName, now.AddMinutes(-5), now.AddDays(1));
        return new TestCertificates(directory, server.CertificateFile, server.KeyFile, device.CertificateFile, device.KeyFile);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
