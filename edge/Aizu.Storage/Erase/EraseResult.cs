namespace Aizu.Storage;

/// <summary>What <see cref="ReadingStore.EraseReadingsAsync"/> removed.</summary>
/// <param name="Series">Series whose readings and rollups were erased.</param>
/// <param name="Readings">Readings erased (sealed, open and late rows).</param>
public sealed record EraseResult(int Series, long Readings);
