namespace Aizu.Fuzzing;

/// <summary>
/// The SML driver (<see cref="SmlMeterSource"/>) on a recording of what an optical read head received, as
/// <c>aizu run</c> runs it (see <see cref="SerialSessionReplay"/>).
/// </summary>
public static class SmlSessionReplay
{
    /// <summary>Runs the driver on <paramref name="data"/>; <paramref name="logger"/> sees what it logs (none while
    /// fuzzing; a developer looking into an input passes one).</summary>
    public static SerialSessionOutcome Run(ReadOnlySpan<byte> data, ILogger<SmlMeterSource>? logger = null)
    {
        var options = SerialSessionReplay.Options<SmlOptions>();
        return SerialSessionReplay.Run(
            data,
            (time, open) => new SmlMeterSource(Microsoft.Extensions.Options.Options.Create(options), time, logger ?? NullLogger<SmlMeterSource>.Instance, open));
    }

    /// <summary>Runs the driver on <paramref name="data"/> and checks what it emitted (see <see cref="SessionInvariants"/>):
    /// every reading plausible, and the imported energy (1-0:1.8.0 in Wh) of every valid frame on the line, in order.</summary>
    /// <exception cref="SessionInvariantException">An invariant does not hold.</exception>
    public static SerialSessionOutcome RunAndCheck(ReadOnlySpan<byte> data)
    {
        var outcome = Run(data);
        SessionInvariants.CheckPlausible(outcome);
        var valid = 0;
        var imports = new List<double>();
        var line = new SequenceReader<byte>(new ReadOnlySequence<byte>(data.ToArray()));
        while (SmlFramer.TryReadFrame(ref line, out var frame))
        {
            if (frame.Kind != SerialFrameKind.Discarded && SmlFileParser.TryParseFrame(frame.Bytes.ToArray(), out var file, out _))
            {
                valid++;
                imports.AddRange(file.Entries
                    .Where(e => e.Obis is { A: 1, B: 0, C: 1, D: 8, E: 0 } && e.Unit == SmlUnits.WattHour && e.ScaledValue is not null)
                    .Select(e => (double)(e.ScaledValue!.Value / 1000m)));
            }
        }

        SessionInvariants.CheckFrames(outcome, valid, SeriesNames.ElectricImportEnergy, imports);
        return outcome;
    }
}
