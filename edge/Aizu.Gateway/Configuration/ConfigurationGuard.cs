namespace Aizu.Gateway.Configuration;

/// <summary>
/// Catches misspelt configuration before anything starts: a key the gateway does not know is almost
/// always a typo (e.g. <c>Aizu:Broute:Password</c>) that would otherwise be silently ignored.
/// </summary>
internal static class ConfigurationGuard
{
    private static readonly Dictionary<string, SettingsShape> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Household"] = SettingsShape.Of<Aizu.Household.HouseholdOptions>(),
        ["Storage"] = SettingsShape.Of<Aizu.Storage.StorageOptions>(),
        ["Ingest"] = SettingsShape.Of<Aizu.Ingest.IngestOptions>(),
        ["Panel"] = SettingsShape.Of<Aizu.Panel.PanelOptions>(),
        ["BRoute"] = SettingsShape.Of<Aizu.Hardware.BRoute.BRouteOptions>(),
        ["Dsmr"] = SettingsShape.Of<Aizu.Hardware.Dsmr.DsmrOptions>(),
        ["Sml"] = SettingsShape.Of<Aizu.Hardware.Sml.SmlOptions>(),
        ["Pulse"] = SettingsShape.Of<Aizu.Hardware.Pulse.PulseMeterOptions>(),
        ["Display"] = SettingsShape.Of<Aizu.Hardware.Display.DeviceDisplayOptions>(),
        ["IndoorSensors"] = SettingsShape.Of<Aizu.Hardware.Sensors.IndoorSensorOptions>(),
        ["Alerts"] = SettingsShape.Of<Aizu.Alerts.AlertOptions>(),
        ["Consent"] = SettingsShape.Of<Aizu.Consent.ConsentOptions>(),
        ["Egress"] = SettingsShape.Of<Aizu.Egress.EgressOptions>(),
        ["Uplink"] = SettingsShape.Of<Aizu.Uplink.UplinkOptions>(),
        ["Tariff"] = SettingsShape.Of<Aizu.Tariffs.TariffOptions>(),
        ["InfluxMirror"] = SettingsShape.Of<Aizu.Storage.Influx.InfluxMirrorOptions>(),
        ["Demo"] = SettingsShape.Of<DemoSettings>(),
    };

    // The settings objects nested inside those (Aizu:Alerts:Household, Aizu:Tariff:Tiers:0, …), each annotated
    // the same way; NestedTypes lets a test check that every nested settings class is here.
    private static readonly Dictionary<Type, SettingsShape> Nested = new[]
    {
        SettingsShape.Of<Aizu.Alerts.AlertPreferences>(),
        SettingsShape.Of<Aizu.Alerts.GeocodeSetting>(),
        SettingsShape.Of<Aizu.Tariffs.TariffTierOptions>(),
        SettingsShape.Of<Aizu.Tariffs.TariffPeriodOptions>(),
        SettingsShape.Of<Aizu.Hardware.Sensors.IndoorSensorDefinition>(),
    }.ToDictionary(shape => shape.Type);

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
    public static IReadOnlyDictionary<string, Type> SectionTypes { get; } = Sections.ToDictionary(s => s.Key, s => s.Value.Type, StringComparer.OrdinalIgnoreCase);

    /// <summary>The nested settings classes the guard knows the keys of.</summary>
    public static IReadOnlyCollection<Type> NestedTypes => Nested.Keys;

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
            if (!Sections.TryGetValue(section.Key, out var shape))
            {
                problems.Add($"Unknown configuration section '{section.Path}'. Known sections: {string.Join(", ", Sections.Keys.Select(k => "Aizu:" + k))}.");
                continue;
            }

            var type = shape.Type;
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
                else if (Property(type, key.Key) is { } property)
                {
                    CheckProperty(key, property, problems);
                }
            }
        }

        return problems;
    }

    // Options with nested settings (e.g. Aizu:Alerts:Household:Latitude, …:Geocodes:0:Name) are checked
    // the same way, one level of objects or lists of objects at a time.
    private static void CheckNested(IConfigurationSection section, Type declared, List<string> problems)
    {
        if (ElementType(declared) is { } element)
        {
            foreach (var item in section.GetChildren())
            {
                CheckNested(item, element, problems);
            }

            return;
        }

        if (!Nested.TryGetValue(declared, out var shape))
        {
            return;
        }

        var type = shape.Type;
        var known = type.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in section.GetChildren())
        {
            if (Property(type, key.Key) is { } property)
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

    // Keys match properties whatever their case, as the binder matches them.
    private static PropertyInfo? Property([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type, string key) =>
        type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));

    private static bool IsRetired(IConfigurationSection key) =>
        RetiredTimeZoneKeys.Contains(key.Path, StringComparer.OrdinalIgnoreCase);

    // A nested settings class is one the guard was told about (a test checks none is missing): asking the type
    // for its namespace would need metadata Native AOT does not keep.
    private static bool IsSettingsObject(Type type) => Nested.ContainsKey(type);

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
