namespace Aizu.Wire;

/// <summary>
/// The J-Alert information types the city relays, as values of the <c>JP-JAlertType</c> parameter, and the
/// CAP category each implies (our proposal, see docs/alerts.md). Unknown types are still accepted and
/// shown full-screen: J-Alert carries only events with no time margin.
/// </summary>
public static class JAlertTypes
{
    /// <summary>弾道ミサイル情報.</summary>
    public const string BallisticMissile = "ballistic-missile";

    /// <summary>航空攻撃情報.</summary>
    public const string AirAttack = "air-attack";

    /// <summary>ゲリラ・特殊部隊攻撃情報.</summary>
    public const string GuerrillaAttack = "guerrilla-attack";

    /// <summary>大規模テロ情報.</summary>
    public const string LargeScaleTerrorism = "large-scale-terrorism";

    /// <summary>緊急地震速報.</summary>
    public const string EarthquakeEarlyWarning = "earthquake-early-warning";

    /// <summary>大津波警報・津波警報.</summary>
    public const string TsunamiWarning = "tsunami-warning";

    /// <summary>噴火警報.</summary>
    public const string VolcanicEruptionWarning = "volcanic-eruption-warning";

    /// <summary>特別警報 (emergency weather warnings).</summary>
    public const string EmergencyWeatherWarning = "emergency-weather-warning";

    /// <summary>The CAP category a known J-Alert type implies, or null for a type this gateway does not know.</summary>
    public static CapCategory? CategoryOf(string type) => type switch
    {
        BallisticMissile or AirAttack or GuerrillaAttack or LargeScaleTerrorism => CapCategory.Security,
        EarthquakeEarlyWarning or TsunamiWarning or VolcanicEruptionWarning => CapCategory.Geo,
        EmergencyWeatherWarning => CapCategory.Met,
        _ => null,
    };
}
