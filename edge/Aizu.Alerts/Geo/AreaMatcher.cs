namespace Aizu.Alerts;

/// <summary>
/// Decides on the gateway whether an alert's areas cover the household, so the city never needs to
/// know where the household is: geocode equality, point in polygon (ray casting) and point in circle
/// (haversine).
/// </summary>
public static class AreaMatcher
{
    /// <summary>Mean Earth radius (IUGG), kilometres.</summary>
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Matches every area of every info block of <paramref name="alert"/> against <paramref name="household"/>.</summary>
    public static AreaMatch Match(CapAlert alert, AlertPreferences household)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(household);
        var areas = alert.Infos.SelectMany(i => i.Areas).ToList();

        // An alert with no area at all was addressed to everyone who receives the city-wide topic.
        if (areas.Count == 0)
        {
            return AreaMatch.Unknown;
        }

        var anyUnknown = false;
        foreach (var area in areas)
        {
            switch (Match(area, household))
            {
                case AreaMatch.Inside:
                    return AreaMatch.Inside;
                case AreaMatch.Unknown:
                    anyUnknown = true;
                    break;
            }
        }

        return anyUnknown ? AreaMatch.Unknown : AreaMatch.Outside;
    }

    /// <summary>Matches one area: inside when any geocode, polygon or circle covers the household.</summary>
    public static AreaMatch Match(CapArea area, AlertPreferences household)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(household);
        var compared = false;

        // Like is compared with like: a geocode of a system the household has no code in (a national feed's
        // SAME or WARNCELLID), or one with an empty value, says nothing about whether the home is inside.
        var codes = household.Geocodes;
        var comparable = area.Geocodes
            .Where(g => g.Value.Length > 0 && codes.Any(c => string.Equals(c.Name, g.Name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (comparable.Count > 0)
        {
            compared = true;
            if (comparable.Any(g => codes.Any(c =>
                    string.Equals(c.Name, g.Name, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(c.Value, g.Value, StringComparison.Ordinal))))
            {
                return AreaMatch.Inside;
            }
        }

        if (household.Location is { } point && (area.Polygons.Count > 0 || area.Circles.Count > 0))
        {
            compared = true;
            if (area.Polygons.Any(p => Contains(p, point)) || area.Circles.Any(c => Contains(c, point)))
            {
                return AreaMatch.Inside;
            }
        }

        return compared ? AreaMatch.Outside : AreaMatch.Unknown;
    }

    /// <summary>
    /// Point in polygon by ray casting over latitude/longitude as plane coordinates (adequate at city scale;
    /// rings crossing the antimeridian are not supported). A point on the boundary counts as inside.
    /// </summary>
    public static bool Contains(CapPolygon polygon, GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        var ring = polygon.Points;
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var a = ring[i];
            var b = ring[j];
            if (OnSegment(a, b, point))
            {
                return true;
            }

            if ((a.Latitude > point.Latitude) != (b.Latitude > point.Latitude))
            {
                var crossing = a.Longitude + ((point.Latitude - a.Latitude) * (b.Longitude - a.Longitude) / (b.Latitude - a.Latitude));
                if (point.Longitude < crossing)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>Point in circle by great-circle (haversine) distance.</summary>
    public static bool Contains(CapCircle circle, GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(circle);
        return DistanceKm(circle.Centre, point) <= circle.RadiusKm;
    }

    /// <summary>Great-circle distance between two points in kilometres (haversine formula).</summary>
    public static double DistanceKm(GeoPoint from, GeoPoint to)
    {
        var dLat = Radians(to.Latitude - from.Latitude);
        var dLon = Radians(to.Longitude - from.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(from.Latitude)) * Math.Cos(Radians(to.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static bool OnSegment(GeoPoint a, GeoPoint b, GeoPoint p)
    {
        const double Tolerance = 1e-12;
        var cross = ((b.Latitude - a.Latitude) * (p.Longitude - a.Longitude)) - ((b.Longitude - a.Longitude) * (p.Latitude - a.Latitude));
        return Math.Abs(cross) <= Tolerance
            && p.Latitude >= Math.Min(a.Latitude, b.Latitude) - Tolerance && p.Latitude <= Math.Max(a.Latitude, b.Latitude) + Tolerance
            && p.Longitude >= Math.Min(a.Longitude, b.Longitude) - Tolerance && p.Longitude <= Math.Max(a.Longitude, b.Longitude) + Tolerance;
    }
}
