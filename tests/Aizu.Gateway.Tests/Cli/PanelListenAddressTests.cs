namespace Aizu.Gateway.Tests.Cli;

/// <summary>A typo in the panel's listen address must stop the gateway, not open the panel to the whole LAN.</summary>
public sealed class PanelListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.l:8480", "neither an IP address nor localhost")]
    [InlineData("http://*:8480", "not a listen address")]
    [InlineData("http://+:8480", "not a listen address")]
    [InlineData("http://127.0.0.1:eighty", "not a listen address")]
    [InlineData("http://127.0.0.1", "not a listen address")]
    [InlineData("http://127.1:8480", "neither an IP address nor localhost")]
    [InlineData("http://gateway.local:8480", "neither an IP address nor localhost")]
    [InlineData("ftp://127.0.0.1:8480", "not a listen address")]
    [InlineData("http://127.0.0.1:8480;http://192.168.l.20:8480", "192.168.l.20")]
    public void Typo_IsRefused_WithTheAddressAndWhatIsAllowed(string urls, string expected)
    {
        var problem = Assert.Single(PanelListenAddresses.Problems(urls, "Aizu:Panel:Urls"));

        Assert.StartsWith("Aizu:Panel:Urls: '", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8480")]
    [InlineData("http://localhost:8480")]
    [InlineData("http://[::1]:8480")]
    [InlineData("http://0.0.0.0:8480")]
    [InlineData("http://192.168.1.20:8480;http://127.0.0.1:0")]
    public void IpLiteralsAndLocalhost_AreAccepted(string urls) =>
        Assert.Empty(PanelListenAddresses.Problems(urls, "--urls"));

    [Fact]
    public void OnlyLoopbackAddresses_AreNotReachableFromTheNetwork()
    {
        Assert.False(PanelListenAddresses.ReachableBeyondLoopback(["http://127.0.0.1:8480", "http://[::1]:8480", "http://localhost:8480"]));
        Assert.True(PanelListenAddresses.ReachableBeyondLoopback(["http://127.0.0.1:8480", "http://0.0.0.0:8480"]));
        Assert.True(PanelListenAddresses.ReachableBeyondLoopback(["http://[::]:8480"]));
    }

    [Fact]
    public async Task Run_WithATypoInTheListenAddress_ExitsWithOneLine_AndListensNowhere()
    {
        using var directory = new TemporaryDirectory();

        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.l:8480");

        Assert.Equal(Aizu.Gateway.Cli.ExitCodes.BadConfiguration, await gateway.WaitForExitAsync());
        Assert.Contains("--urls: 'http://127.0.0.l:8480' names host '127.0.0.l', which is neither an IP address nor localhost", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Aizu panel:", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", gateway.Output, StringComparison.Ordinal);
    }
}
