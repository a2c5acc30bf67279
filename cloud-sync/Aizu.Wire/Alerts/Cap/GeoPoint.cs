namespace Aizu.Wire;

/// <summary>A WGS 84 point in decimal degrees, as CAP writes it (<c>latitude,longitude</c>).</summary>
/// <param name="Latitude">Latitude, −90 to 90.</param>
/// <param name="Longitude">Longitude, −180 to 180.</param>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Parses CAP's <c>lat,lon</c> pair; <paramref name="context"/> names the element in the error.</summary>
    public static GeoPoint Parse(ReadOnlySpan<char> text, string context)
    {
        var comma = text.IndexOf(',');
        if (comma < 0 || !TryNumber(text[..comma], out var latitude) || !TryNumber(text[(comma + 1)..], out var longitude))
        {
            throw new CapFormatException($"{context}: '{text}' is not a 'latitude,longitude' pair in decimal degrees.");
        }

        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            throw new CapFormatException($"{context}: '{text}' is outside −90…90 latitude or −180…180 longitude.");
        }

        return new GeoPoint(latitude, longitude);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude},{Longitude}");

    private static bool TryNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);
}
