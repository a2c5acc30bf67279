namespace Aizu.Benchmarks;

/// <summary>
/// The ECHONET Lite receive and send paths the gateway runs for every poll of the meter. Target for
/// <see cref="ParseAndDecodeThreeProperties"/>: at most 300 ns and 0 bytes allocated.
/// </summary>
[MemoryDiagnoser]
public class EchonetDecodeBenchmarks
{
    private static readonly byte[] GetEpcs =
    [
        SmartMeterEpc.InstantaneousPower,
        SmartMeterEpc.InstantaneousCurrent,
        SmartMeterEpc.CumulativeNormal,
    ];

    private readonly byte[] _frame = MeterAnswer.Frame();
    private readonly byte[] _sendBuffer = new byte[64];

    /// <summary>Parse the Get_Res and decode E7 (W), E8 (A per phase) and E0 (count), as the meter poller does.</summary>
    [Benchmark]
    public double ParseAndDecodeThreeProperties()
    {
        var frame = EchonetFrame.Parse(_frame);
        double sum = 0;
        foreach (var property in frame.Properties)
        {
            switch (property.Epc)
            {
                case SmartMeterEpc.InstantaneousPower:
                    if (SmartMeterCodec.TryDecodeInstantaneousPower(property.Edt, out int watts))
                    {
                        sum += watts;
                    }

                    break;
                case SmartMeterEpc.InstantaneousCurrent:
                    if (SmartMeterCodec.TryDecodeInstantaneousCurrent(property.Edt, out var current))
                    {
                        sum += current.RPhaseAmperes + (current.TPhaseAmperes ?? 0);
                    }

                    break;
                case SmartMeterEpc.CumulativeNormal:
                    if (SmartMeterCodec.TryDecodeCumulative(property.Edt, out uint raw))
                    {
                        sum += raw;
                    }

                    break;
            }
        }

        return sum;
    }

    /// <summary>Frame validation alone: header, ESV and every PDC checked, nothing decoded.</summary>
    [Benchmark]
    public int ParseOnly()
    {
        var frame = EchonetFrame.Parse(_frame);
        return frame.Tid + frame.Properties.Count;
    }

    /// <summary>The request that asks for the three properties above.</summary>
    [Benchmark]
    public int WriteGetRequest() =>
        EchonetFrameWriter.WriteGet(
            _sendBuffer, 0x0001, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, GetEpcs);
}
