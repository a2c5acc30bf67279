namespace Aizu.Wire;

/// <summary>A CAP <c>area</c>: the description people read, and the shapes and codes a gateway can match.</summary>
/// <param name="Description">The <c>areaDesc</c> text.</param>
/// <param name="Polygons">The <c>polygon</c>s (closed rings).</param>
/// <param name="Circles">The <c>circle</c>s.</param>
/// <param name="Geocodes">The <c>geocode</c>s (e.g. <c>JP-JISX0402</c> = <c>07202</c>).</param>
/// <param name="Altitude">The <c>altitude</c> in feet above WGS 84, when given.</param>
/// <param name="Ceiling">The <c>ceiling</c> in feet above WGS 84, when given.</param>
public sealed record CapArea(
    string Description,
    IReadOnlyList<CapPolygon> Polygons,
    IReadOnlyList<CapCircle> Circles,
    IReadOnlyList<CapNamedValue> Geocodes,
    double? Altitude,
    double? Ceiling);
