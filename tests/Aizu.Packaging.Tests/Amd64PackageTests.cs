namespace Aizu.Packaging.Tests;

/// <summary>
/// The amd64 package as an installer meets it: <c>dpkg -i</c>, <c>aizu</c> on the PATH, the service's own
/// user, the unit's <c>ExecStart</c> run as that user (systemd is not PID 1 in CI) mirroring to a real InfluxDB,
/// <c>aizu doctor</c>, then <c>dpkg -r</c> keeping the data and <c>dpkg -P</c> removing it.
/// </summary>
[Collection(PackagesCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class Amd64PackageTests(DebianPackages packages, ITestOutputHelper log)
{
    private const string DataDirectory = "/var/lib/aizu";
    private const string ConfigFile = "/etc/aizu/aizu.json";
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Installs_runs_as_its_own_user_mirrors_to_InfluxDB_and_keeps_the_data_until_purged()
    {
        Assert.True(Environment.UserName == "root", "The package test installs a Debian package system-wide and must run as root (CI does; locally: sudo bash .ci/run).");
        log.WriteLine($"build-deb.sh all: {packages.BuildTime.TotalSeconds:F0} s; amd64 {new FileInfo(packages.Amd64).Length / 1024} KiB, arm64 {new FileInfo(packages.Arm64).Length / 1024} KiB");
        log.WriteLine(packages.BuildLog);

        // A package left by an interrupted earlier run would make this one an upgrade.
        await Command.RunAsync("dpkg", ["--purge", "aizu"], StepLimit);
        await Command.SucceedAsync("dpkg", ["--install", packages.Amd64], StepLimit);

        var version = await Command.SucceedAsync("aizu", ["--version"], StepLimit);
        Assert.StartsWith(ProjectVersion(), version.Output.Trim(), StringComparison.Ordinal);
        Assert.Equal("/usr/lib/aizu/aizu", new FileInfo("/usr/bin/aizu").ResolveLinkTarget(returnFinalTarget: true)?.FullName);

        var groups = (await Command.SucceedAsync("id", ["-nG", "aizu"], StepLimit)).Output.Split(' ', StringSplitOptions.TrimEntries);
        Assert.Superset(new HashSet<string> { "aizu", "dialout", "i2c", "gpio" }, groups.ToHashSet());
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(DataDirectory));
        Assert.Equal("aizu", await OwnerAsync(DataDirectory));
        Assert.Equal(OwnerOnlyFile | UnixFileMode.GroupRead, File.GetUnixFileMode(ConfigFile));
        Assert.Equal("root:aizu", (await Command.SucceedAsync("stat", ["-c", "%U:%G", ConfigFile], StepLimit)).Output.Trim());

        // The demo stands in for the meter; the file keeps the package's owner and mode when rewritten. The package
        // is the Native AOT build, and the InfluxDB mirror runs inside it with InfluxDB.Client (which the AOT compiler
        // warns about, IL3053): the mirror must really write. Every batch is committed, so it has rows at once.
        var port = FreePort.Next();
        await using var influx = await InfluxServer.StartAsync();
        await influx.ExecuteAsync("CREATE DATABASE aizu");
        await File.WriteAllTextAsync(ConfigFile, $$"""
            { "Aizu": {
                "Storage": { "DatabasePath": "{{DataDirectory}}/aizu.db", "CommitWindow": "00:00:00" },
                "Panel": { "Urls": "http://127.0.0.1:{{port}}" },
                "InfluxMirror": { "Url": "{{influx.Url}}", "Database": "aizu", "WriteEndpoint": "V1", "FlushInterval": "00:00:00.5" } } }
            """);
        using (var service = ServiceProcess.Start(ExecStart(), DataDirectory))
        {
            var panel = await service.PanelAsync(StepLimit);
            using var http = new HttpClient();
            var page = await http.GetAsync(panel);
            Assert.True(page.IsSuccessStatusCode, $"GET {panel} answered {(int)page.StatusCode}.{Environment.NewLine}{service.Output}");
            await Eventually.TrueAsync(
                async () => await influx.CountAsync("aizu", "SELECT count(value) FROM aizu_reading") > 0,
                StepLimit,
                () => $"The installed program mirrored no reading to InfluxDB.{Environment.NewLine}{service.Output}");

            // Files the service created: its own, and nobody else's.
            foreach (var file in new[] { "aizu.db", "aizu.db-wal" })
            {
                var path = Path.Combine(DataDirectory, file);
                Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
                Assert.Equal("aizu", await OwnerAsync(path));
            }

            var doctor = await Command.RunAsync("runuser", ["-u", "aizu", "--", "aizu", "doctor", "--json", "--config", ConfigFile], StepLimit);
            using var report = JsonDocument.Parse(doctor.Output);
            var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("outcome").GetString());
            Assert.Equal("ok", checks["configuration"]);
            Assert.Equal("ok", checks["store"]);
            Assert.DoesNotContain("configuration access", checks.Keys);
        }

        await Command.SucceedAsync("dpkg", ["--remove", "aizu"], StepLimit);
        Assert.False(File.Exists("/usr/bin/aizu"));
        Assert.True(File.Exists(Path.Combine(DataDirectory, "aizu.db")), "dpkg -r removed the household's readings.");
        Assert.True(File.Exists(ConfigFile), "dpkg -r removed the configuration.");

        await Command.SucceedAsync("dpkg", ["--purge", "aizu"], StepLimit);
        Assert.False(Directory.Exists(DataDirectory), "dpkg -P kept the data directory.");
        Assert.False(Directory.Exists("/etc/aizu"), "dpkg -P kept the configuration.");
        Assert.Equal(2, (await Command.RunAsync("getent", ["passwd", "aizu"], StepLimit)).ExitCode);
    }

    // The unit's own command line, run as its user, with the demo standing in for the hardware.
    private static string[] ExecStart()
    {
        var line = File.ReadAllLines("/lib/systemd/system/aizu.service").Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        return ["-u", "aizu", "--", .. line["ExecStart=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries), "--demo"];
    }

    private static async Task<string> OwnerAsync(string path) =>
        (await Command.SucceedAsync("stat", ["-c", "%U", path], StepLimit)).Output.Trim();

    private string ProjectVersion()
    {
        var props = File.ReadAllText(Path.Combine(packages.RepositoryRoot, "Directory.Build.props"));
        var start = props.IndexOf("<Version>", StringComparison.Ordinal) + "<Version>".Length;
        return props[start..props.IndexOf("</Version>", start, StringComparison.Ordinal)];
    }
}
