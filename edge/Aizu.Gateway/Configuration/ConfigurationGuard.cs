using System.Reflection;
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
        ["Household"] = typeof(Aizu.Household.HouseholdOptions),
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
        ["Tariff"] = typeof(Aizu.Tariffs.TariffOptions),
        ["InfluxMirror"] = typeof(Aizu.Storage.Influx.InfluxMirrorOptions),
        ["Demo"] = typeof(DemoSettings),
    };

    // Keys that once set the household's time zone, one per component; they disagreed (Tokyo at midnight
    // for uplink windows, Amsterdam for the panel). A gateway still setting one must not start on a
    // different zone than its owner meant, so it is refused rather than ignored.
    private static readonly string[] RetiredTimeZoneKeys =
    [
        "Aizu:Storage:TimeZone",
        "Aizu:Tariff:TimeZone",
        "Aizu:Panel:TimeZone",
        "Aizu:Egress:TimeZone",
        "Aizu:Alerts:Household:TimeZone",
    ];

    // Keys read by the host itself rather than bound to an options class.
    private static readonly Dictionary<string, string[]> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Panel"] = ["Urls"],
    };

    /// <summary>The options class each section under <c>Aizu</c> binds to (docs/configuration.md lists their keys).</summary>
    public static IReadOnlyDictionary<string, Type> SectionTypes => Sections;

    /// <summary>
    /// Every unknown key under <c>Aizu</c> and every value its property cannot hold, as a message naming the
    /// key and what is allowed, and every retired key, as a message naming the key that replaced it.
    /// </summary>
    public static IReadOnlyList<string> FindProblems(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var retired in RetiredTimeZoneKeys.Where(key => configuration.GetSection(key).Value is not null))
        {
            problems.Add($"{retired} is no longer read; set {Aizu.Household.HouseholdOptions.SectionName}:{nameof(Aizu.Household.HouseholdOptions.TimeZone)} (one time zone for the whole household).");
        }

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
                if (IsRetired(key))
                {
                    continue;
                }

                if (!known.Contains(key.Key))
                {
                    problems.Add($"Unknown configuration key '{key.Path}'. Known keys of {section.Path}: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
                }
                else if (type.GetProperty(key.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
                {
                    CheckProperty(key, property, problems);
                }
            }
        }

        return problems;
    }

    // Options with nested settings (e.g. Aizu:Alerts:Household:Latitude, …:Geocodes:0:Name) are checked
    // the same way, one level of objects or lists of objects at a time.
    private static void CheckNested(IConfigurationSection section, Type type, List<string> problems)
    {
        if (ElementType(type) is { } element)
        {
            foreach (var item in section.GetChildren())
            {
                CheckNested(item, element, problems);
            }

            return;
        }

        if (!IsSettingsObject(type))
        {
            return;
        }

        var known = type.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in section.GetChildren())
        {
            if (type.GetProperty(key.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                CheckProperty(key, property, problems);
            }
            else if (!IsRetired(key))
            {
                problems.Add($"Unknown configuration key '{key.Path}'. Known keys of {section.Path}: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }
        }
    }

    private static void CheckProperty(IConfigurationSection key, PropertyInfo property, List<string> problems)
    {
        if (ConfigurationValue.Problem(key, property) is { } problem)
        {
            problems.Add(problem);
        }
        else
        {
            CheckNested(key, property.PropertyType, problems);
        }
    }

    private static bool IsRetired(IConfigurationSection key) =>
        RetiredTimeZoneKeys.Contains(key.Path, StringComparer.OrdinalIgnoreCase);

    private static bool IsSettingsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("Aizu", StringComparison.Ordinal) == true;

    // Lists of settings objects (not of strings or numbers, and not dictionaries, whose keys are free).
    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments().Length == 1 ? type.GetGenericArguments()[0] : null;
        return element is not null && IsSettingsObject(element) ? element : null;
    }
}
