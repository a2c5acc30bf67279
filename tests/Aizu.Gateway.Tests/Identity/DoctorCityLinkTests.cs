namespace Aizu.Gateway.Tests.Identity;

/// <summary>
/// <c>aizu doctor</c>'s city-link checks against a real mosquitto with the documented TLS listener and ACL, each
/// fault with its failure and hint: not enrolled, a certificate about to expire, the broker unreachable, an ACL that
/// does not give the gateway its own topic. Fails (never skips) without mosquitto.
/// </summary>
public sealed class DoctorCityLinkTests
{
    [Fact]
    public async Task EnrolledGateway_ReachesTheBroker_OverTls_AndReadsBackItsOwnTestPublish()
    {
        await using var city = await TestCity.StartAsync();
        using var home = await city.EnrolHomeAsync("doctor");
        var gatewayId = home.GatewayId;

        var checks = await DoctorAsync(home.Config);

        Assert.Equal("ok", Outcome(checks, "device identity"));
        Assert.Contains(gatewayId, Detail(checks, "device identity"), StringComparison.Ordinal);
        Assert.Equal("ok", Outcome(checks, "device certificate"));
        Assert.Contains("issued by CN=Aizu Test City Device CA", Detail(checks, "device certificate"), StringComparison.Ordinal);
        Assert.Equal("ok", Outcome(checks, "broker"));
        Assert.Equal("ok", Outcome(checks, "broker TLS"));
        Assert.Equal("ok", Outcome(checks, "broker ACL"));
        Assert.Contains($"published on aizu/v1/doctor/{gatewayId} as {gatewayId} and received it back", Detail(checks, "broker ACL"), StringComparison.Ordinal);

        // Not retained, and on its own topic: the gateway's retained status is not touched.
        Assert.DoesNotContain(city.Monitor.Messages, m => m.Topic == WireTopics.Status(gatewayId));
    }

    [Fact]
    public async Task NotEnrolled_FailsTheCertificate_AndTheBrokerRefusesTheHandshake()
    {
        await using var city = await TestCity.StartAsync();
        using var home = new TemporaryDirectory("doctor");
        var config = city.WriteGatewayConfiguration(home.Path);
        var request = new StringWriter();
        await GatewayCommandLine.Create(request, request).Parse(["enroll", "--csr", "--config", config]).InvokeAsync();

        var checks = await DoctorAsync(config, ExitCodes.VerificationFailed);

        Assert.Equal("fail", Outcome(checks, "device certificate"));
        Assert.Contains("is not enrolled", Detail(checks, "device certificate"), StringComparison.Ordinal);
        Assert.Contains("aizu enroll --csr", Fix(checks, "device certificate"), StringComparison.Ordinal);
        Assert.Equal("ok", Outcome(checks, "broker"));
        Assert.Equal("fail", Outcome(checks, "broker TLS"));
        Assert.Contains("city CA", Fix(checks, "broker TLS"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificateEndingWithinThirtyDays_IsAWarning_WithTheRenewal()
    {
        await using var city = await TestCity.StartAsync();
        using var home = await city.EnrolHomeAsync("doctor", notAfter: DateTimeOffset.UtcNow.AddDays(10).AddHours(1));

        var checks = await DoctorAsync(home.Config);

        Assert.Equal("warning", Outcome(checks, "device certificate"));
        Assert.Contains("expires in 10 days", Detail(checks, "device certificate"), StringComparison.Ordinal);
        Assert.Contains("aizu enroll --csr", Fix(checks, "device certificate"), StringComparison.Ordinal);
        Assert.Equal("ok", Outcome(checks, "broker ACL"));
    }

    [Fact]
    public async Task AnUnreachableBroker_AndAnAclWithoutTheGatewaysTopic_EachFail_WithTheirHint()
    {
        await using var city = await TestCity.StartAsync(acl: TestCity.DocumentedAcl().Replace("pattern readwrite aizu/v1/doctor/%u", "", StringComparison.Ordinal));
        using var home = await city.EnrolHomeAsync("doctor");

        var denied = await DoctorAsync(home.Config, ExitCodes.VerificationFailed);
        Assert.Equal("ok", Outcome(denied, "broker TLS"));
        Assert.Equal("fail", Outcome(denied, "broker ACL"));
        Assert.Contains("NotAuthorized", Detail(denied, "broker ACL"), StringComparison.Ordinal);
        Assert.Contains("pattern readwrite aizu/v1/doctor/%u", Fix(denied, "broker ACL"), StringComparison.Ordinal);

        var closed = Aizu.LocalServers.FreePort.Next();
        var elsewhere = city.WriteGatewayConfiguration(home.Path, port: closed);
        var unreachable = await DoctorAsync(elsewhere, ExitCodes.VerificationFailed);
        Assert.Equal("fail", Outcome(unreachable, "broker"));
        Assert.Contains($"127.0.0.1:{closed} cannot be reached", Detail(unreachable, "broker"), StringComparison.Ordinal);
        Assert.Contains("firewall", Fix(unreachable, "broker"), StringComparison.Ordinal);
        Assert.DoesNotContain(unreachable, c => c.GetProperty("name").GetString() == "broker TLS");
    }

    private static async Task<IReadOnlyList<JsonElement>> DoctorAsync(string config, int? expectedCode = null)
    {
        var output = new StringWriter();
        var code = await GatewayCommandLine.Create(output, output).Parse(["doctor", "--json", "--config", config]).InvokeAsync();
        using var report = JsonDocument.Parse(output.ToString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.Clone()).ToList();
        if (expectedCode is { } expected)
        {
            Assert.True(code == expected, output.ToString());
        }

        return checks;
    }

    private static JsonElement Check(IReadOnlyList<JsonElement> checks, string name) =>
        checks.SingleOrDefault(c => c.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new Xunit.Sdk.XunitException($"no check '{name}' in {string.Join(", ", checks.Select(c => c.GetProperty("name").GetString()))}");

    private static string Outcome(IReadOnlyList<JsonElement> checks, string name) => Check(checks, name).GetProperty("outcome").GetString()!;

    private static string Detail(IReadOnlyList<JsonElement> checks, string name) => Check(checks, name).GetProperty("detail").GetString()!;

    private static string Fix(IReadOnlyList<JsonElement> checks, string name) => Check(checks, name).GetProperty("fix").GetString() ?? "";
}
