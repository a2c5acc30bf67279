namespace Aizu.City.Tests.Demo;

/// <summary>Where the demo and the tests look for the servers, and the one line they print when one is missing.</summary>
public sealed class ServerProgramsTests
{
    [Fact]
    public void AMissingProgram_IsOneLineSayingWhatToInstall()
    {
        var missing = Assert.Throws<MissingServerProgramException>(() => ServerPrograms.Require("/nonexistent/sbin/mosquitto"));

        Assert.Equal(
            "mosquitto is not installed (/nonexistent/sbin/mosquitto is missing): install mosquitto postgresql (sudo apt-get install mosquitto postgresql; for the tests: sudo bash .ci/install-deps).",
            missing.Message);
    }

    [Fact]
    public void PostgreSql_IsTheNewestInstalledVersionsBinDirectory()
    {
        var bin = ServerPrograms.PostgresBin();

        Assert.True(File.Exists(Path.Combine(bin, "postgres")), bin);
        var versions = Directory.GetDirectories(ServerPrograms.PostgresRoot)
            .Where(d => File.Exists(Path.Combine(d, "bin", "postgres")))
            .Select(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Path.Combine(ServerPrograms.PostgresRoot, versions.Max().ToString(System.Globalization.CultureInfo.InvariantCulture), "bin"), bin);
    }
}
