namespace Aizu.Wire;

/// <summary>The CAP <c>parameter</c> and <c>geocode</c> names the city and the gateway agree on.</summary>
public static class CapParameterNames
{
    /// <summary>The Japanese evacuation alert level (警戒レベル) 1–5 as a parameter.</summary>
    public const string EvacuationLevel = "JP-EvacLevel";

    /// <summary>The J-Alert information type (e.g. <c>ballistic-missile</c>), see <see cref="JAlertTypes"/>.</summary>
    public const string JAlertType = "JP-JAlertType";

    /// <summary>Geocode name for a JIS X 0402 municipality code (Aizuwakamatsu: <c>07202</c>).</summary>
    public const string Municipality = "JP-JISX0402";

    /// <summary>Geocode name for a district within a municipality, e.g. <c>07202-kitaaizu</c>.</summary>
    public const string District = "JP-District";
}
