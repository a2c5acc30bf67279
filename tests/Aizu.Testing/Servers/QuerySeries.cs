namespace Aizu.Testing;

/// <summary>One series of an InfluxQL answer.</summary>
/// <param name="Name">Measurement.</param>
/// <param name="Tags">Tags of the series (GROUP BY).</param>
/// <param name="Columns">Column names; the first is time.</param>
/// <param name="Rows">Values, one array per row, in column order.</param>
public sealed record QuerySeries(string Name, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
