namespace Aizu.Storage.Influx;

/// <summary>What one pass of the mirror wrote.</summary>
/// <param name="Points">Points written (raw readings and rollup buckets).</param>
/// <param name="RawReadings">Of those, raw readings.</param>
/// <param name="Full">The batch was full: more is waiting, so the next pass follows at once.</param>
internal readonly record struct MirrorPass(int Points, int RawReadings, bool Full);
