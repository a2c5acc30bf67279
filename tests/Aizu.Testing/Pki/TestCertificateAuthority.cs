namespace Aizu.Testing;

/// <summary>
/// A throw-away city CA made in the test with <see cref="CertificateRequest"/>: it writes itself and a broker
/// certificate for 127.0.0.1 as PEM files mosquitto can read (it drops privileges before reading them), signs a
/// device's certificate request as the city would, and issues client certificates of its own for attacker tests.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private readonly ECDsa key;

    private TestCertificateAuthority(ECDsa key, X509Certificate2 certificate)
    {
        this.key = key;
        Certificate = certificate;
    }

    /// <summary>The CA's own certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>A CA valid from a year ago for five years, named <paramref name="name"/>.</summary>
    public static TestCertificateAuthority Create(string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificateAuthority(key, request.CreateSelfSigned(now.AddYears(-1), now.AddYears(5)));
    }

    /// <summary>
    /// Lets everyone into <paramref name="directory"/> (mode 755), where the certificates go: mosquitto reads them as its
    /// own user, whatever umask the test process has.
    /// </summary>
    public static void OpenToTheBroker(string directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>Writes the CA certificate to <paramref name="path"/> (readable by all) and returns the path.</summary>
    public string WriteCertificate(string path)
    {
        WritePublic(path, Certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>Issues the broker's certificate for 127.0.0.1 and localhost into <paramref name="directory"/>.</summary>
    public (string CertificateFile, string KeyFile) WriteBrokerCertificate(string directory)
    {
        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(Certificate, now.AddHours(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(8));
        var certificateFile = Path.Combine(directory, "broker.pem");
        var keyFile = Path.Combine(directory, "broker.key");
        WritePublic(certificateFile, certificate.ExportCertificatePem());
        WritePublic(keyFile, serverKey.ExportPkcs8PrivateKeyPem());
        return (certificateFile, keyFile);
    }

    /// <summary>Signs a device's PEM certificate request as the city does, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public X509Certificate2 Sign(string requestPem, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = CertificateRequest.LoadSigningRequestPem(requestPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
        request.CertificateExtensions.Clear();
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthentication)], false));
        return request.Create(Certificate, notBefore, notAfter, RandomNumberGenerator.GetBytes(8));
    }

    /// <summary>A client certificate with its own new key for <paramref name="commonName"/>, as PEM files in <paramref name="directory"/>.</summary>
    public (string CertificateFile, string KeyFile) WriteClientCertificate(string directory, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", clientKey, HashAlgorithmName.SHA256);
        using var certificate = Sign(request.CreateSigningRequestPem(), notBefore, notAfter);
        var certificateFile = Path.Combine(directory, $"{commonName}-{Guid.NewGuid():N}.pem");
        var keyFile = Path.ChangeExtension(certificateFile, ".key");
        WritePublic(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, clientKey.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (certificateFile, keyFile);
    }

    /// <summary>
    /// Writes the CA's certificate revocation list (PEM, valid for a day) to <paramref name="path"/>, revoking the
    /// certificates in the PEM files <paramref name="revokedCertificateFiles"/>, and returns the path.
    /// </summary>
    public string WriteRevocationList(string path, params string[] revokedCertificateFiles)
    {
        var builder = new CertificateRevocationListBuilder();
        var now = DateTimeOffset.UtcNow;
        foreach (var file in revokedCertificateFiles)
        {
            using var revoked = X509Certificate2.CreateFromPem(File.ReadAllText(file));
            builder.AddEntry(revoked, now.AddMinutes(-1), X509RevocationReason.KeyCompromise);
        }

        var crl = builder.Build(Certificate, System.Numerics.BigInteger.One, now.AddDays(1), HashAlgorithmName.SHA256);
        WritePublic(path, PemEncoding.WriteString("X509 CRL", crl));
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        key.Dispose();
    }

    private static void WritePublic(string path, string pem)
    {
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
