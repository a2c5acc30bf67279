namespace Aizu.Storage;

/// <summary>A row of the <c>series</c> table as the writer caches it.</summary>
internal readonly record struct SeriesRow(long Id, string Unit);
