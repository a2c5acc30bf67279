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
        ["Aizu:Household:TimeZone"] = "Europe/Amsterdam",
        ["Aizu:Tariff:Currency"] = "EUR",
        ["Aizu:Tariff:Kind"] = "Flat",
        ["Aizu:Tariff:PricePerKWh"] = "0.27",
        ["Aizu:Tariff:BasicChargePerMonth"] = "7.50",
        ["Aizu:Tariff:ExportPricePerKWh"] = "0.09",

        // The sample purpose catalogue is signed with the demo city key (Demo/DemoCatalogue.cs).
        ["Aizu:Consent:CityPublicKeyPem"] = Demo.DemoCatalogue.CityPublicKeyPem,
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
        ["Aizu:Household:TimeZone"] = "Asia/Tokyo",

        // docs/examples/tariffs/jp-tiered.json: TEPCO 従量電灯B 30 A with illustrative prices.
        ["Aizu:Tariff:Currency"] = "JPY",
        ["Aizu:Tariff:Kind"] = "Tiered",
        ["Aizu:Tariff:Tiers:0:Name"] = "第1段階",
        ["Aizu:Tariff:Tiers:0:UpToKWh"] = "120",
        ["Aizu:Tariff:Tiers:0:PricePerKWh"] = "29.80",
        ["Aizu:Tariff:Tiers:1:Name"] = "第2段階",
        ["Aizu:Tariff:Tiers:1:UpToKWh"] = "300",
        ["Aizu:Tariff:Tiers:1:PricePerKWh"] = "36.40",
        ["Aizu:Tariff:Tiers:2:Name"] = "第3段階",
        ["Aizu:Tariff:Tiers:2:PricePerKWh"] = "40.49",
        ["Aizu:Tariff:BasicChargePerMonth"] = "935.25",
        ["Aizu:Tariff:FuelCostAdjustmentPerKWh"] = "-2.50",
        ["Aizu:Tariff:RenewableSurchargePerKWh"] = "3.49",
        ["Aizu:BRoute:PanCachePath"] = Path.Combine(DataDirectory, "broute-pan.json"),

        // The sample purpose catalogue is signed with the demo city key (Demo/DemoCatalogue.cs).
        ["Aizu:Consent:CityPublicKeyPem"] = Demo.DemoCatalogue.CityPublicKeyPem,
    };
}
