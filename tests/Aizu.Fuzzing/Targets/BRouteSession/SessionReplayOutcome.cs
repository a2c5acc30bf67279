namespace Aizu.Fuzzing;

/// <summary>What the B-route driver did with one transcript.</summary>
/// <param name="Readings">Readings it emitted, by series name.</param>
/// <param name="BytesWritten">Bytes of commands it wrote to the dongle.</param>
/// <param name="Joins">PANA joins it started (SKJOIN).</param>
public sealed record SessionReplayOutcome(IReadOnlyDictionary<string, int> Readings, long BytesWritten, int Joins)
{
    /// <summary>How many readings of <paramref name="series"/> were emitted.</summary>
    public int Count(string series) => Readings.GetValueOrDefault(series);
}
