namespace Aizu.Fuzzing;

/// <summary>What a serial meter driver did with one recording of its line.</summary>
/// <param name="Readings">The readings it emitted, in order.</param>
/// <param name="FramesAccepted">Frames its parser passed.</param>
/// <param name="FramesRejected">Frames refused (by the parser, or because parsing or mapping failed).</param>
/// <param name="FramesDiscarded">Stretches of bytes its framer skipped.</param>
/// <param name="SilentPeriods">Times no valid frame came within the silence timeout (the port was reopened).</param>
/// <param name="Opens">Times it opened the port.</param>
/// <param name="End">The fake clock when the recording ended.</param>
public sealed record SerialSessionOutcome(
    IReadOnlyList<Reading> Readings, long FramesAccepted, long FramesRejected, long FramesDiscarded, long SilentPeriods, int Opens, DateTimeOffset End)
{
    /// <summary>The values of <paramref name="series"/>, in the order they were emitted.</summary>
    public IReadOnlyList<double> Values(string series) => [.. Readings.Where(r => r.Series == series).Select(r => r.Value)];
}
