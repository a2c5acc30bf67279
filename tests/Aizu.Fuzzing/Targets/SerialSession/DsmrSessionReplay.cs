namespace Aizu.Fuzzing;

/// <summary>
/// The DSMR P1 driver (<see cref="DsmrMeterSource"/>) on a recording of a P1 port's line, as <c>aizu run</c> runs it
/// (see <see cref="SerialSessionReplay"/>): the first byte picks the meter's generation (its two low bits: DSMR 5,
/// 4, 2.2 without a CRC, e-MUCS), the rest is what the port sent.
/// </summary>
public static class DsmrSessionReplay
{
    /// <summary>Runs the driver on <paramref name="data"/>; <paramref name="logger"/> sees what it logs (none while
    /// fuzzing; a developer looking into an input passes one).</summary>
    public static SerialSessionOutcome Run(ReadOnlySpan<byte> data, ILogger<DsmrMeterSource>? logger = null)
    {
        var options = SerialSessionReplay.Options<DsmrOptions>();
        options.Protocol = data.IsEmpty ? DsmrProtocol.Dsmr5 : Protocol(data[0]);
        return SerialSessionReplay.Run(
            data.IsEmpty ? data : data[1..],
            (time, open) => new DsmrMeterSource(Microsoft.Extensions.Options.Options.Create(options), time, logger ?? NullLogger<DsmrMeterSource>.Instance, open));
    }

    /// <summary>Runs the driver on <paramref name="data"/> and checks what it emitted (see <see cref="SessionInvariants"/>):
    /// every reading plausible, and the power of every valid telegram on the line, in order.</summary>
    /// <exception cref="SessionInvariantException">An invariant does not hold.</exception>
    public static SerialSessionOutcome RunAndCheck(ReadOnlySpan<byte> data)
    {
        var outcome = Run(data);
        SessionInvariants.CheckPlausible(outcome);
        if (data.IsEmpty)
        {
            return outcome;
        }

        var parse = Protocol(data[0]) == DsmrProtocol.Dsmr22 ? DsmrParseOptions.WithoutChecksum : DsmrParseOptions.Strict;
        var readout = new DsmrReadout();
        var valid = 0;
        var powers = new List<double>();
        var line = new SequenceReader<byte>(new ReadOnlySequence<byte>(data[1..].ToArray()));
        while (DsmrFramer.TryReadFrame(ref line, out var frame))
        {
            if (frame.Kind != SerialFrameKind.Discarded && DsmrTelegramParser.TryParse(frame.Bytes, parse, readout, out _))
            {
                valid++;
                if (readout.NetPower is { } watts)
                {
                    powers.Add((double)watts);
                }
            }
        }

        SessionInvariants.CheckFrames(outcome, valid, SeriesNames.ElectricPower, powers);
        return outcome;
    }

    /// <summary>The meter generation a recording's first byte picks.</summary>
    public static DsmrProtocol Protocol(byte selector) => (DsmrProtocol)(selector & 3);
}
