namespace Aizu.Gateway.Tests.Identity;

/// <summary>
/// A city as an installer meets it: its device CA (made in the test), a real mosquitto with a TLS listener that
/// requires a client certificate and runs the ACL printed in docs/city.md, and a monitor on the plain listener
/// subscribed to <c>#</c>. Enrols gateways through the real <c>aizu enroll</c> command.
/// </summary>
internal sealed class TestCity(TemporaryDirectory directory, TestCertificateAuthority authority, string caFile, MosquittoBroker broker, BrokerRecorder monitor) : IAsyncDisposable
{
    public TemporaryDirectory Directory { get; } = directory;

    public TestCertificateAuthority Authority { get; } = authority;

    public string CaFile { get; } = caFile;

    public MosquittoBroker Broker { get; } = broker;

    public BrokerRecorder Monitor { get; } = monitor;

    public int TlsPort => Broker.TlsPort!.Value;

    /// <summary>The gateway id whose certificate the city revoked.</summary>
    public const string RevokedGatewayId = "gw-revoked0000000000";

    /// <summary>A certificate of this city's CA that its CRL revokes.</summary>
    public (string CertificateFile, string KeyFile) Revoked { get; private init; }

    /// <param name="acl">The ACL; null for the one docs/city.md prints.</param>
    public static async Task<TestCity> StartAsync(string? acl = null)
    {
        var directory = new TemporaryDirectory("city");

        // Whatever umask an in-process gateway test left behind.
        TestCertificateAuthority.OpenToTheBroker(directory.Path);
        var authority = TestCertificateAuthority.Create("Aizu Test City Device CA");
        var caFile = authority.WriteCertificate(directory.File("city-ca.pem"));
        var (certificate, key) = authority.WriteBrokerCertificate(directory.Path);

        // One device the city has revoked (a stolen gateway), listed in the CRL the broker checks, as docs/city.md configures.
        var now = DateTimeOffset.UtcNow;
        var revoked = authority.WriteClientCertificate(directory.Path, RevokedGatewayId, now.AddHours(-1), now.AddDays(30));
        var crl = authority.WriteRevocationList(directory.File("city-ca.crl"), revoked.CertificateFile);

        // The monitor is the operator's anonymous client on the plain listener: topic lines before any 'user' line
        // apply to anonymous clients only, so it reads everything and the devices get exactly the documented ACL.
        var broker = await MosquittoBroker.StartAsync(
            acl: "topic read #\n" + (acl ?? DocumentedAcl()),
            tls: new MosquittoTlsListener(caFile, certificate, key, CrlFile: crl));
        var monitor = await BrokerRecorder.StartAsync(broker.Port, TimeProvider.System, "city-monitor");
        return new TestCity(directory, authority, caFile, broker, monitor) { Revoked = revoked };
    }

    /// <summary>The <c># aizu.acl</c> block of docs/city.md.</summary>
    public static string DocumentedAcl()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "city.md");
            if (File.Exists(candidate))
            {
                var text = File.ReadAllText(candidate);
                var start = text.IndexOf("```\n# aizu.acl", StringComparison.Ordinal) + 4;
                return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
            }
        }

        throw new FileNotFoundException("docs/city.md was not found above the test's directory.");
    }

    /// <summary>A gateway configuration in <paramref name="directory"/> for this city's TLS listener, identity settings left to the device identity.</summary>
    public string WriteGatewayConfiguration(string directory, int? port = null)
    {
        var config = new JsonObject
        {
            ["Aizu"] = new JsonObject
            {
                ["Storage"] = new JsonObject { ["DatabasePath"] = Path.Combine(directory, "data", "aizu.db") },
                ["Uplink"] = new JsonObject
                {
                    ["Host"] = "127.0.0.1",
                    ["Port"] = port ?? TlsPort,
                    ["IdentityDirectory"] = Path.Combine(directory, "identity"),
                    ["KeepAlive"] = "00:00:05",
                    ["ReconnectMinDelay"] = "00:00:00.200",
                    ["ReconnectMaxDelay"] = "00:00:01",
                },
                ["Egress"] = new JsonObject { ["SecretPath"] = Path.Combine(directory, "pseudonym.key") },
            },
        };
        var path = Path.Combine(directory, "aizu.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    /// <summary>
    /// <c>aizu enroll --csr</c>, the city signs the request (valid from <paramref name="notBefore"/> to
    /// <paramref name="notAfter"/>), <c>aizu enroll CERT --ca CA</c>; returns the gateway id.
    /// </summary>
    public async Task<string> EnrolAsync(string configPath, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var request = new StringWriter();
        Assert.Equal(ExitCodes.Ok, await GatewayCommandLine.Create(request, request).Parse(["enroll", "--csr", "--config", configPath]).InvokeAsync());
        var now = DateTimeOffset.UtcNow;
        using var issued = Authority.Sign(request.ToString(), notBefore ?? now.AddHours(-1), notAfter ?? now.AddDays(365));
        var certificateFile = Path.Combine(Path.GetDirectoryName(configPath)!, "issued.pem");
        await File.WriteAllTextAsync(certificateFile, issued.ExportCertificatePem());
        var output = new StringWriter();
        var code = await GatewayCommandLine.Create(output, output).Parse(["enroll", certificateFile, "--ca", CaFile, "--config", configPath]).InvokeAsync();
        Assert.True(code == ExitCodes.Ok, output.ToString());
        return issued.GetNameInfo(X509NameType.SimpleName, false);
    }

    /// <summary>A new gateway directory with its configuration, enrolled with this city (see <see cref="EnrolAsync"/>).</summary>
    public async Task<EnrolledHome> EnrolHomeAsync(string name, DateTimeOffset? notAfter = null)
    {
        var home = new TemporaryDirectory(name);
        try
        {
            var config = WriteGatewayConfiguration(home.Path);
            return new EnrolledHome(home, config, await EnrolAsync(config, notAfter: notAfter));
        }
        catch
        {
            home.Dispose();
            throw;
        }
    }

    /// <summary>An MQTT 5 client on the TLS listener with <paramref name="certificateFile"/> (none when null); throws when refused.</summary>
    public async Task<IMqttClient> ConnectAsync(string clientId, string? certificateFile, string? keyFile)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", TlsPort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithTlsOptions(tls =>
            {
                // What is tested is whom the broker lets in; this client takes the test broker on trust.
                tls.UseTls().WithTargetHost("127.0.0.1").WithCertificateValidationHandler(_ => true);
                if (certificateFile is not null)
                {
                    using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
                    tls.WithClientCertificates([X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)]);
                }
            })
            .Build();
        try
        {
            await client.ConnectAsync(options);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Monitor.DisposeAsync();
        await Broker.DisposeAsync();
        Authority.Dispose();
        Directory.Dispose();
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
