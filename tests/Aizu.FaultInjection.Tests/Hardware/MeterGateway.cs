namespace Aizu.FaultInjection.Tests.Hardware;

/// <summary>
/// The gateway as an installer runs it (<c>aizu run --config</c>, not the demo), reading a meter at a device path the
/// test's simulator serves, with its store, PAN cache and panel keys in the test's directory.
/// </summary>
internal static class MeterGateway
{
    /// <summary>Writes <c>aizu.json</c> with <paramref name="meterSection"/> (e.g. <c>BRoute</c>) and starts the gateway; every batch is committed at once, so what the panel counts is what another process reads.</summary>
    /// <param name="directory">The household's directory.</param>
    /// <param name="meterSectionName">The meter's section under <c>Aizu</c>.</param>
    /// <param name="meterSection">Its settings.</param>
    /// <param name="otherSections">Further sections under <c>Aizu</c>, e.g. <c>IndoorSensors</c>.</param>
    public static GatewayProcess Start(string directory, string meterSectionName, JsonObject meterSection, IReadOnlyDictionary<string, JsonObject>? otherSections = null)
    {
        var data = Path.Combine(directory, "data");
        var configuration = new JsonObject
        {
            ["Aizu"] = new JsonObject
            {
                // The simulated meters keep Japan's (B-route) or the host's day; the B-route meter's day starts at midnight JST.
                ["Household"] = new JsonObject { ["TimeZone"] = "Asia/Tokyo" },
                ["Storage"] = new JsonObject { ["DatabasePath"] = DatabasePath(directory), ["CommitWindow"] = "00:00:00" },
                [meterSectionName] = meterSection,
            },
        };
        foreach (var (name, section) in otherSections ?? new Dictionary<string, JsonObject>())
        {
            configuration["Aizu"]![name] = section;
        }

        Directory.CreateDirectory(data);
        var file = ConfigurationPath(directory);
        File.WriteAllText(file, configuration.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        // As the package installs it: a file with the meter's credentials that others can read is warned about.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return GatewayProcess.Start(directory, "run", "--config", file, "--urls", "http://127.0.0.1:0");
    }

    /// <summary>Where <see cref="Start"/> writes the configuration.</summary>
    public static string ConfigurationPath(string directory) => Path.Combine(directory, "aizu.json");

    /// <summary>Where <see cref="Start"/> puts the store.</summary>
    public static string DatabasePath(string directory) => Path.Combine(directory, "data", "aizu.db");
}
