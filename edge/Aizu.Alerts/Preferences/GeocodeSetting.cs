namespace Aizu.Alerts;

/// <summary>A geocode that describes where the household is, compared for equality with an alert's CAP <c>geocode</c>s.</summary>
public sealed class GeocodeSetting
{
    /// <summary>The geocode's name, e.g. <c>JP-JISX0402</c> or <c>JP-District</c> (compared ignoring case).</summary>
    public string Name { get; set; } = "";

    /// <summary>The value, e.g. <c>07202</c> (Aizuwakamatsu) or <c>07202-kitaaizu</c> (compared exactly).</summary>
    public string Value { get; set; } = "";
}
