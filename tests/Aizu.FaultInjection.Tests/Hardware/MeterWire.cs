namespace Aizu.FaultInjection.Tests.Hardware;

/// <summary>
/// The simulated smart meter's answers as they go on air, with the fault the test injects applied: the ground truth
/// each value the gateway stored is checked against (what the meter said shortly before the gateway stamped it).
/// </summary>
internal sealed class MeterWire
{
    // The register unit and coefficient the simulated meter announces (0xE1 = 0.1 kWh, 0xD3 = 1).
    private const decimal KilowattHoursPerCount = 0.1m;

    private readonly Lock sync = new();
    private readonly List<SentAnswer> sent = [];
    private readonly TimeProvider time;
    private Func<byte[], byte[]>? fault;

    /// <summary>Taps every answer <paramref name="dongle"/>'s meter sends from now on.</summary>
    public MeterWire(SimulatedWiSunDongle dongle, TimeProvider time)
    {
        this.time = time;
        dongle.ChangeAnswers(Send);
    }

    /// <summary>Answers sent so far that carried <paramref name="epc"/>.</summary>
    public int Carrying(byte epc)
    {
        lock (sync)
        {
            return sent.Count(a => a.Epcs.Contains(epc));
        }
    }

    /// <summary>Changes every answer from now on (null: the meter's own answers again).</summary>
    public void Inject(Func<byte[], byte[]>? change) => Volatile.Write(ref fault, change);

    /// <summary>
    /// The values the meter said for <paramref name="series"/> in its answers from <paramref name="from"/> to
    /// <paramref name="to"/>, oldest first; answers whose value was no reading (garbage, overflow) give none.
    /// </summary>
    public IReadOnlyList<double> Said(string series, DateTimeOffset from, DateTimeOffset to)
    {
        var epc = Epc(series);
        lock (sync)
        {
            return [.. sent.Where(a => a.At >= from && a.At <= to && a.Epcs.Contains(epc) && a.Values.ContainsKey(series)).Select(a => a.Values[series])];
        }
    }

    private byte[] Send(byte[] answer)
    {
        var onAir = Volatile.Read(ref fault) is { } change ? change(answer) : answer;
        var (epcs, values) = Decode(onAir);
        lock (sync)
        {
            sent.Add(new SentAnswer(time.GetUtcNow(), epcs, values));
        }

        return onAir;
    }

    private static byte Epc(string series) => series switch
    {
        SeriesNames.ElectricPower => SmartMeterEpc.InstantaneousPower,
        SeriesNames.ElectricCurrentR or SeriesNames.ElectricCurrentT => SmartMeterEpc.InstantaneousCurrent,
        SeriesNames.ElectricImportEnergy => SmartMeterEpc.CumulativeNormal,
        SeriesNames.ElectricExportEnergy => SmartMeterEpc.CumulativeReverse,
        _ => throw new ArgumentException($"the B-route meter has no series {series}", nameof(series)),
    };

    /// <summary>The properties of an answer and the readings its values are, decoded by the ECHONET Lite specification.</summary>
    private static (HashSet<byte> Epcs, Dictionary<string, double> Values) Decode(byte[] frame)
    {
        var epcs = new HashSet<byte>();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (epc, edt) in AnswerMutator.Properties(frame))
        {
            epcs.Add(epc);
            switch (epc)
            {
                case SmartMeterEpc.InstantaneousPower when edt.Length == SmartMeterCodec.InstantaneousPowerLength
                    && SmartMeterCodec.TryDecodeInstantaneousPower(edt, out var watts):
                    values[SeriesNames.ElectricPower] = watts;
                    break;
                case SmartMeterEpc.InstantaneousCurrent when edt.Length == SmartMeterCodec.InstantaneousCurrentLength
                    && SmartMeterCodec.TryDecodeInstantaneousCurrent(edt, out var current):
                    values[SeriesNames.ElectricCurrentR] = current.RPhaseAmperes;
                    if (current.TPhaseAmperes is { } t)
                    {
                        values[SeriesNames.ElectricCurrentT] = t;
                    }

                    break;
                case SmartMeterEpc.CumulativeNormal or SmartMeterEpc.CumulativeReverse when edt.Length == SmartMeterCodec.CumulativeLength
                    && SmartMeterCodec.TryDecodeCumulative(edt, out var raw):
                    values[epc == SmartMeterEpc.CumulativeNormal ? SeriesNames.ElectricImportEnergy : SeriesNames.ElectricExportEnergy] =
                        (double)(raw * KilowattHoursPerCount);
                    break;
                default:
                    break;
            }
        }

        return (epcs, values);
    }

    private sealed record SentAnswer(DateTimeOffset At, HashSet<byte> Epcs, Dictionary<string, double> Values);
}
