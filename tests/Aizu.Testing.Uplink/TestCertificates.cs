using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Aizu.Testing.Uplink;

/// <summary>
/// A throw-away PKI made in the test with <see cref="CertificateRequest"/>: a CA, the broker's certificate
/// (for 127.0.0.1) and a device certificate (CN = the gateway id), written as PEM files to a directory
/// mosquitto can read (it drops privileges before reading them).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string ServerCertificateFile => Path.Combine(Directory, "server.pem");

    public string ServerKeyFile => Path.Combine(Directory, "server.key");

    public string DeviceCertificateFile => Path.Combine(Directory, "device.pem");

    public string DeviceKeyFile => Path.Combine(Directory, "device.key");

    public static TestCertificates Create(string deviceCommonName)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("aizu-pki-").FullName;
        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var certificates = new TestCertificates(directory);
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Aizu Test City CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        Write(certificates.CaFile, ca.ExportCertificatePem(), readable);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using (var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8)))
        {
            Write(certificates.ServerCertificateFile, server.ExportCertificatePem(), readable);
            Write(certificates.ServerKeyFile, serverKey.ExportPkcs8PrivateKeyPem(), readable);
        }

        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var deviceRequest = new CertificateRequest($"CN={deviceCommonName}", deviceKey, HashAlgorithmName.SHA256);
        deviceRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        deviceRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        deviceRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using (var device = deviceRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8)))
        {
            Write(certificates.DeviceCertificateFile, device.ExportCertificatePem(), readable);
            Write(certificates.DeviceKeyFile, deviceKey.ExportPkcs8PrivateKeyPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return certificates;
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

    private static void Write(string path, string pem, UnixFileMode mode)
    {
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
