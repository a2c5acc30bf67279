namespace Aizu.Panel;

/// <summary>Energy in one bar of the history chart; null where the store has nothing for it.</summary>
public sealed record HistoryBucket(DateTimeOffset Start, DateTimeOffset End, double? ImportKWh, double? ExportKWh);
