namespace Aizu.Alerts;

/// <summary>
/// The household's alert settings. They live only in the gateway's configuration on the device and are
/// applied locally to the city-wide alert stream: the city never learns the location or the choices.
/// </summary>
public sealed class AlertPreferences
{
    /// <summary>Latitude of the home (WGS 84 decimal degrees), for polygon and circle areas. Set with <see cref="Longitude"/>.</summary>
    public double? Latitude { get; set; }

    /// <summary>Longitude of the home (WGS 84 decimal degrees). Set with <see cref="Latitude"/>.</summary>
    public double? Longitude { get; set; }

    /// <summary>Geocodes of the home (municipality code, district), for geocoded areas.</summary>
    public IList<GeocodeSetting> Geocodes { get; } = [];

    /// <summary>The district's name as the household knows it (shown on the settings page only).</summary>
    public string DistrictName { get; set; } = "";

    /// <summary>Categories to show; empty means all. Level 4+ and J-Alert alerts are shown whatever is chosen.</summary>
    public IList<CapCategory> Categories { get; } = [];

    /// <summary>The lowest level to show, 1–4 (level 4 and above are always shown).</summary>
    public int MinimumLevel { get; set; } = 1;

    /// <summary>Languages in order of preference (e.g. <c>ja</c>, <c>ja-x-easy</c>, <c>en</c>); empty means Japanese, then English.</summary>
    public IList<string> Languages { get; } = [];

    /// <summary>
    /// Start of quiet hours (the household's local time, <c>Aizu:Household:TimeZone</c>), when alerts below
    /// level 4 do not sound. Set with <see cref="QuietHoursEnd"/>.
    /// </summary>
    public TimeOnly? QuietHoursStart { get; set; }

    /// <summary>End of quiet hours (local time); may be earlier than the start to span midnight.</summary>
    public TimeOnly? QuietHoursEnd { get; set; }

    /// <summary>The home as a point, when both coordinates are set.</summary>
    public GeoPoint? Location => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    /// <summary>The language preference in effect.</summary>
    public IReadOnlyList<string> EffectiveLanguages => Languages.Count > 0 ? Languages.ToList() : ["ja", "en"];
}
