namespace Aizu.Storage;

/// <summary>A block of minute rollups whose checksum or encoding did not verify when it was read.</summary>
internal readonly record struct CorruptMinuteBlock(long SeriesId, long HourStartMs, string Reason);
