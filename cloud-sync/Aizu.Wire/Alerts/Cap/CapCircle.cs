namespace Aizu.Wire;

/// <summary>A CAP <c>circle</c>: a centre point and a radius in kilometres.</summary>
/// <param name="Centre">The centre.</param>
/// <param name="RadiusKm">The radius in kilometres (zero means the point itself).</param>
public sealed record CapCircle(GeoPoint Centre, double RadiusKm)
{
    /// <summary>Parses CAP's <c>lat,lon radius</c> (CAP 1.2 §3.2.4).</summary>
    public static CapCircle Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        var space = trimmed.IndexOf(' ');
        if (space < 0)
        {
            throw new CapFormatException($"<circle> '{text}' must be 'latitude,longitude radius-km'.");
        }

        var centre = GeoPoint.Parse(trimmed[..space], "<circle>");
        if (!double.TryParse(trimmed[(space + 1)..].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var radius)
            || !double.IsFinite(radius) || radius > 20_040)
        {
            throw new CapFormatException($"<circle> '{text}': the radius must be a non-negative number of kilometres (at most half the Earth's circumference).");
        }

        return new CapCircle(centre, radius);
    }
}
