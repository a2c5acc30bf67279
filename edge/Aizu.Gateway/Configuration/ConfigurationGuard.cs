using Microsoft.Extensions.Configuration;

namespace Aizu.Gateway.Configuration;

/// <summary>
/// Catches misspelt configuration before anything starts: a key the gateway does not know is almost
/// always a typo (e.g. <c>Aizu:Broute:Password</c>) that would otherwise be silently ignored.
/// </summary>
internal static class ConfigurationGuard
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage"] = typeof(Aizu.Storage.StorageOptions),
        ["Ingest"] = typeof(Aizu.Ingest.IngestOptions),
        ["Panel"] = typeof(Aizu.Panel.PanelOptions),
        ["BRoute"] = typeof(Aizu.Hardware.BRoute.BRouteOptions),
        ["Dsmr"] = typeof(Aizu.Hardware.Dsmr.DsmrOptions),
        ["Sml"] = typeof(Aizu.Hardware.Sml.SmlOptions),
        ["Pulse"] = typeof(Aizu.Hardware.Pulse.PulseMeterOptions),
        ["Display"] = typeof(Aizu.Hardware.Display.DeviceDisplayOptions),
        ["IndoorSensors"] = typeof(Aizu.Hardware.Sensors.IndoorSensorOptions),
        ["Alerts"] = typeof(Aizu.Alerts.AlertOptions),
        ["Consent"] = typeof(Aizu.Consent.ConsentOptions),
        ["Egress"] = typeof(Aizu.Egress.EgressOptions),
        ["Uplink"] = typeof(Aizu.Uplink.UplinkOptions),
        ["Demo"] = typeof(DemoSettings),
    };

    // Keys read by the host itself rather than bound to an options class.
    private static readonly Dictionary<string, string[]> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Panel"] = ["Urls"],
    };

    /// <summary>Every unknown key under <c>Aizu</c>, as a message naming it and what is allowed.</summary>
    public static IReadOnlyList<string> FindUnknownKeys(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var section in configuration.GetSection("Aizu").GetChildren())
        {
            if (!Sections.TryGetValue(section.Key, out var type))
            {
                problems.Add($"Unknown configuration section '{section.Path}'. Known sections: {string.Join(", ", Sections.Keys.Select(k => "Aizu:" + k))}.");
                continue;
            }

            var known = type.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            known.UnionWith(HostKeys.GetValueOrDefault(section.Key, []));
            foreach (var key in section.GetChildren())
            {
                if (!known.Contains(key.Key))
                {
                    problems.Add($"Unknown configuration key '{key.Path}'. Known keys of {section.Path}: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
                }
            }
        }

        return problems;
    }
}
