namespace Aizu.Gateway.Hosting;

/// <summary>Configuration demo mode starts from; a user's own file or environment still overrides it.</summary>
internal static class DemoDefaults
{
    /// <summary>Where demo data lives unless configured: a folder in the current directory, kept between runs.</summary>
    public const string DataDirectory = "aizu-demo-data";

    public static Dictionary<string, string?> Create(string runtimeDirectory, string profile) =>
        profile == "eu" ? Europe(runtimeDirectory) : Japan(runtimeDirectory);

    private static Dictionary<string, string?> Europe(string runtimeDirectory) => new()
    {
        ["Aizu:Storage:DatabasePath"] = Path.Combine(DataDirectory + "-eu", "aizu.db"),
        ["Aizu:Dsmr:DevicePath"] = Path.Combine(runtimeDirectory, "ttyP1"),
        ["Aizu:Dsmr:PowerInterval"] = "00:00:02",
        ["Aizu:Dsmr:EnergyInterval"] = "00:00:30",
        ["Aizu:Panel:TimeZone"] = "Europe/Amsterdam",
    };

    private static Dictionary<string, string?> Japan(string runtimeDirectory) => new()
    {
        ["Aizu:Storage:DatabasePath"] = Path.Combine(DataDirectory, "aizu.db"),
        ["Aizu:BRoute:DevicePath"] = Path.Combine(runtimeDirectory, "ttyWiSUN"),
        ["Aizu:BRoute:RouteBId"] = "0000AIZUDEMO00000000000000DEMO01",
        ["Aizu:BRoute:Password"] = "AIZUDEMOPASS",
        ["Aizu:BRoute:PowerInterval"] = "00:00:02",
        ["Aizu:BRoute:EnergyInterval"] = "00:00:30",
        // The simulated meter is in Japan; its day starts at midnight JST whatever the host's zone.
        ["Aizu:Panel:TimeZone"] = "Asia/Tokyo",
        ["Aizu:BRoute:PanCachePath"] = Path.Combine(DataDirectory, "broute-pan.json"),
    };
}
