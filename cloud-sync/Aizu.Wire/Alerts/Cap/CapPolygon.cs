namespace Aizu.Wire;

/// <summary>A CAP <c>polygon</c>: a closed ring of at least four points whose first and last are equal (an open ring is closed when read).</summary>
public sealed record CapPolygon
{
    private CapPolygon(IReadOnlyList<GeoPoint> points) => Points = points;

    /// <summary>The ring's points, the closing point included.</summary>
    public IReadOnlyList<GeoPoint> Points { get; }

    /// <summary>Parses CAP's space-separated <c>lat,lon</c> pairs (CAP 1.2 §3.2.4).</summary>
    public static CapPolygon Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var points = new List<GeoPoint>();
        foreach (var range in text.AsSpan().SplitAny(" \t\r\n"))
        {
            // NWS has sent pairs with a trailing comma ("+40.85,-118.09,"); the pair itself is unambiguous.
            var pair = text.AsSpan()[range].Trim().TrimEnd(',');
            if (!pair.IsEmpty)
            {
                points.Add(GeoPoint.Parse(pair, "<polygon>"));
            }
        }

        // A ring whose sender forgot to repeat the first point encloses the same area; close it rather than lose
        // the alert. Fewer than three corners enclose nothing, so no household could be placed inside or outside.
        if (points.Count > 0 && points[0] != points[^1])
        {
            points.Add(points[0]);
        }

        if (points.Count < 4)
        {
            throw new CapFormatException($"<polygon> has {Math.Max(0, points.Count - 1)} distinct corners; an area needs at least three.");
        }

        return new CapPolygon(points);
    }

    /// <summary>Builds a polygon from points already known to form a closed ring (for tests and publishers).</summary>
    public static CapPolygon FromRing(IReadOnlyList<GeoPoint> ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        return Parse(string.Join(' ', ring.Select(p => p.ToString())));
    }
}
