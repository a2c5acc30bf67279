namespace Aizu.Gateway.Tests.Identity;

/// <summary><c>aizu enroll</c>: the request out, the city's certificate in, and every certificate that cannot be this gateway's refused with one line and nothing installed.</summary>
public sealed class EnrollCommandTests
{
    [Fact]
    public async Task Csr_PrintsTheRequest_AndAMatchingCertificate_IsInstalledWithTheCityCa()
    {
        using var home = new TemporaryDirectory();
        using var city = TestCertificateAuthority.Create("Aizu Test City Device CA");
        var (config, identity) = Configure(home);

        var (code, request) = await RunAsync("enroll", "--csr", "--config", config);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", request, StringComparison.Ordinal);

        var now = DateTimeOffset.UtcNow;
        using var issued = city.Sign(request, now.AddHours(-1), now.AddDays(365));
        var (installed, output) = await RunAsync("enroll", Write(home, "issued.pem", issued.ExportCertificatePem()), "--ca", city.WriteCertificate(home.File("ca.pem")), "--config", config);

        Assert.Equal(ExitCodes.Ok, installed);
        Assert.Contains("Installed the certificate for gateway gw-", output, StringComparison.Ordinal);
        Assert.Equal(issued.ExportCertificatePem(), await File.ReadAllTextAsync(Path.Combine(identity, "device.pem")));
        Assert.Equal(city.Certificate.ExportCertificatePem(), await File.ReadAllTextAsync(Path.Combine(identity, "city-ca.pem")));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "another key", "it certifies another key, not this device's" },
        { "another CN", "its CN is 'gw-somebody-else', not this gateway's id" },
        { "expired", "it expired on" },
        { "another CA", "it was not issued by the city CA 'CN=Aizu Test City Device CA'" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ACertificateThatIsNotThisGatewaysOwn_IsRefused_InOneLine_AndNothingIsInstalled(string kind, string reason)
    {
        using var home = new TemporaryDirectory();
        using var city = TestCertificateAuthority.Create("Aizu Test City Device CA");
        using var other = TestCertificateAuthority.Create("Another CA");
        var (config, identity) = Configure(home);
        var (_, request) = await RunAsync("enroll", "--csr", "--config", config);
        var now = DateTimeOffset.UtcNow;
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = kind switch
        {
            "another key" => city.Sign(new CertificateRequest(CertificateRequest.LoadSigningRequestPem(request, HashAlgorithmName.SHA256).SubjectName, otherKey, HashAlgorithmName.SHA256).CreateSigningRequestPem(), now.AddHours(-1), now.AddDays(30)),
            "another CN" => city.Sign(RequestWithName(identity, "gw-somebody-else"), now.AddHours(-1), now.AddDays(30)),
            "expired" => city.Sign(request, now.AddDays(-90), now.AddDays(-1)),
            _ => other.Sign(request, now.AddHours(-1), now.AddDays(30)),
        };

        var (code, output) = await RunAsync("enroll", Write(home, "issued.pem", issued.ExportCertificatePem()), "--ca", city.WriteCertificate(home.File("ca.pem")), "--config", config);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.Contains("Nothing was installed.", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Path.Combine(identity, "device.pem")));
        Assert.False(File.Exists(Path.Combine(identity, "city-ca.pem")));
    }

    [Fact]
    public async Task NotACertificate_And_NoIdentityYet_EachGiveOneLine()
    {
        using var home = new TemporaryDirectory();
        var (config, _) = Configure(home);
        var garbage = Write(home, "garbage.pem", "hello");

        var (noIdentity, first) = await RunAsync("enroll", garbage, "--config", config);
        Assert.Equal(ExitCodes.BadInput, noIdentity);
        Assert.Contains("run 'aizu enroll --csr'", first, StringComparison.Ordinal);

        await RunAsync("enroll", "--csr", "--config", config);
        var (unreadable, second) = await RunAsync("enroll", garbage, "--config", config);
        Assert.Equal(ExitCodes.BadInput, unreadable);
        Assert.StartsWith($"error: {garbage} cannot be read as a certificate", second, StringComparison.Ordinal);
        Assert.Single(second.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static (string Config, string Identity) Configure(TemporaryDirectory home)
    {
        var identity = home.File("identity");
        var config = Write(home, "aizu.json", $$"""{ "Aizu": { "Storage": { "DatabasePath": "{{home.File("aizu.db")}}" }, "Uplink": { "Host": "mqtt.city.example", "IdentityDirectory": "{{identity}}" } } }""");
        return (config, identity);
    }

    // A request from the device's own key but with another name, as a confused city might sign.
    private static string RequestWithName(string identity, string name)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(identity, "device.key")));
        return new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();
    }

    private static string Write(TemporaryDirectory home, string name, string text)
    {
        File.WriteAllText(home.File(name), text);
        return home.File(name);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var code = await GatewayCommandLine.Create(output, output).Parse(arguments).InvokeAsync();
        return (code, output.ToString());
    }
}
