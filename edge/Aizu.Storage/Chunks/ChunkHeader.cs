namespace Aizu.Storage;

/// <summary>The fixed-size start of an encoded chunk.</summary>
/// <param name="Count">Number of points.</param>
/// <param name="FirstMs">Timestamp of the first point, Unix milliseconds.</param>
/// <param name="LastMs">Timestamp of the last point, Unix milliseconds.</param>
/// <param name="Encoding">How the values are encoded.</param>
internal readonly record struct ChunkHeader(int Count, long FirstMs, long LastMs, ValueEncoding Encoding);
