namespace Aizu.Storage;

/// <summary>One stored point as the raw reader finds it.</summary>
internal readonly record struct RawPoint(long TimestampMs, double Value, byte Quality);
