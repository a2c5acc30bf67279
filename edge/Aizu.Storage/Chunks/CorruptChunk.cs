namespace Aizu.Storage;

/// <summary>A chunk whose checksum or encoding did not verify when it was read.</summary>
internal readonly record struct CorruptChunk(long ChunkId, long SeriesId, long StartMs, string Reason);
