namespace Aizu.Wire;

/// <summary>A CAP <c>valueName</c>/<c>value</c> pair, as used by <c>parameter</c>, <c>eventCode</c> and <c>geocode</c>.</summary>
/// <param name="Name">The <c>valueName</c> (a system-specific name, e.g. <c>JP-EvacLevel</c>).</param>
/// <param name="Value">The <c>value</c>.</param>
public sealed record CapNamedValue(string Name, string Value);
