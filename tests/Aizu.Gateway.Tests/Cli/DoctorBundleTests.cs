namespace Aizu.Gateway.Tests.Cli;

/// <summary><c>aizu doctor --bundle</c>: everything support needs, and not one secret of the household's.</summary>
public sealed class DoctorBundleTests
{
    private const string RouteBId = "00112233445566778899AABBCCDDEEFF";
    private const string BRoutePassword = "Q7w8E9r0T1y2";
    private const string InfluxToken = "influx-token-9f8e7d6c5b4a";
    private const string InfluxPassword = "mirror-pass-31415";

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheBundle_HoldsTheChecksAndSettings_ButNoPasswordIdTokenOrKey()
    {
        using var home = new TemporaryDirectory("bundle");
        var identity = home.File("identity");
        var config = home.File("aizu.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Aizu": {
                "Storage": { "DatabasePath": "{{home.File("aizu.db")}}" },
                "BRoute": { "DevicePath": "{{home.File("no-dongle")}}", "RouteBId": "{{RouteBId}}", "Password": "{{BRoutePassword}}" },
                "InfluxMirror": { "Url": "http://127.0.0.1:8086", "Database": "aizu", "Token": "{{InfluxToken}}", "Username": "aizu", "Password": "{{InfluxPassword}}" },
                "Uplink": { "Host": "127.0.0.1", "Port": {{Aizu.LocalServers.FreePort.Next()}}, "IdentityDirectory": "{{identity}}" }
              }
            }
            """);
        var request = new StringWriter();
        Assert.Equal(ExitCodes.Ok, await GatewayCommandLine.Create(request, request).Parse(["enroll", "--csr", "--config", config]).InvokeAsync());
        var bundlePath = home.File("support.json");
        var output = new StringWriter();

        var code = await GatewayCommandLine.Create(output, output).Parse(["doctor", "--bundle", bundlePath, "--config", config]).InvokeAsync();

        Assert.Equal(ExitCodes.VerificationFailed, code);
        Assert.Contains($"Support bundle written to {bundlePath}", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(Aizu.Files.AtomicFile.OwnerOnly, File.GetUnixFileMode(bundlePath));
        var text = await File.ReadAllTextAsync(bundlePath);

        // Every secret value, and every line of the device's private key, is absent.
        string[] secrets = [RouteBId, BRoutePassword, InfluxToken, InfluxPassword];
        var keyLines = (await File.ReadAllLinesAsync(Path.Combine(identity, "device.key"))).Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        foreach (var secret in secrets.Concat(keyLines))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(RouteBId.ToLowerInvariant(), text, StringComparison.Ordinal);

        using var bundle = JsonDocument.Parse(text);
        var settings = bundle.RootElement.GetProperty("configuration");
        Assert.Equal("***", settings.GetProperty("Aizu:BRoute:RouteBId").GetString());
        Assert.Equal("***", settings.GetProperty("Aizu:BRoute:Password").GetString());
        Assert.Equal("***", settings.GetProperty("Aizu:InfluxMirror:Token").GetString());
        Assert.Equal("***", settings.GetProperty("Aizu:InfluxMirror:Password").GetString());
        Assert.Equal(home.File("no-dongle"), settings.GetProperty("Aizu:BRoute:DevicePath").GetString());
        Assert.Equal("aizu", settings.GetProperty("Aizu:InfluxMirror:Username").GetString());

        var checks = bundle.RootElement.GetProperty("doctor").EnumerateArray().ToList();
        Assert.Contains(checks, c => c.GetProperty("name").GetString() == "B-route dongle" && c.GetProperty("outcome").GetString() == "fail");
        Assert.Contains(checks, c => c.GetProperty("name").GetString() == "broker" && c.GetProperty("outcome").GetString() == "fail");
        Assert.Contains(".NET", bundle.RootElement.GetProperty("versions").GetProperty("runtime").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(bundle.RootElement.GetProperty("log").EnumerateArray());
    }
}
