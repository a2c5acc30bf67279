namespace Aizu.Storage.Influx.Tests.Mirror;

/// <summary>The harness never lets a missing influxd pass as a skipped test.</summary>
public sealed class InfluxServerHarnessTests
{
    [Fact]
    public async Task A_missing_influxd_fails_the_test_with_the_install_hint()
    {
        var missing = await Assert.ThrowsAsync<MissingServerProgramException>(() => InfluxServer.StartAsync("/nonexistent/influxd"));
        Assert.Contains("influxd is not installed", missing.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/install-deps", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_influxd_is_installed()
    {
        Assert.True(File.Exists(InfluxServer.DefaultExecutable),
            $"{InfluxServer.DefaultExecutable} is missing: the InfluxDB mirror tests need Debian's influxdb package (sudo bash .ci/install-deps).");
    }
}
