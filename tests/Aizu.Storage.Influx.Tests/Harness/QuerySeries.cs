namespace Aizu.Storage.Influx.Tests;

/// <summary>One series of an InfluxQL answer.</summary>
internal sealed record QuerySeries(string Name, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
