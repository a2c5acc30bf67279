namespace Aizu.Wire;

/// <summary>A CAP <c>polygon</c>: a closed ring of at least four points whose first and last are equal.</summary>
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
        foreach (var range in text.AsSpan().Split(' '))
        {
            var pair = text.AsSpan()[range].Trim();
            if (!pair.IsEmpty)
            {
                points.Add(GeoPoint.Parse(pair, "<polygon>"));
            }
        }

        if (points.Count < 4)
        {
            throw new CapFormatException($"<polygon> has {points.Count} points; CAP needs at least four, the first repeated as the last.");
        }

        if (points[0] != points[^1])
        {
            throw new CapFormatException($"<polygon> is not closed: the first point {points[0]} differs from the last {points[^1]}.");
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
