namespace Aizu.Hardware.EchonetLite.Tests.Frames;

/// <summary>
/// Zero allocation on the receive path is a property of the code, not a timing: the gateway parses every datagram,
/// so garbage here becomes GC pauses on a Raspberry Pi. Measured per thread, so parallel tests do not interfere.
/// </summary>
public sealed class AllocationTests
{
    private const int Repetitions = 1000;

    private static readonly byte[] GetResWithThreeProperties =
        Hex.Bytes("10 81 00 01 02 88 01 05 FF 01 72 03 E7 04 00 00 00 34 E0 04 00 00 2E F1 E3 04 00 00 59 B6");

    private static readonly byte[] Truncated = GetResWithThreeProperties[..^1];

    [Fact]
    public void ParseAndEnumerate_GetResWithThreeProperties_AllocatesNothing()
    {
        long sum = ParseAndSum(GetResWithThreeProperties);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Repetitions; i++)
        {
            sum += ParseAndSum(GetResWithThreeProperties);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal((Repetitions + 1) * (52L + 12017L + 22966L), sum);
    }

    [Fact]
    public void TryParse_MalformedFrame_AllocatesNothing()
    {
        bool anyParsed = EchonetFrame.TryParse(Truncated, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Repetitions; i++)
        {
            anyParsed |= EchonetFrame.TryParse(Truncated, out _);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.False(anyParsed);
    }

    private static long ParseAndSum(byte[] data)
    {
        long sum = 0;
        var frame = EchonetFrame.Parse(data);
        foreach (var property in frame.Properties)
        {
            if (property.Epc == SmartMeterEpc.InstantaneousPower)
            {
                SmartMeterCodec.TryDecodeInstantaneousPower(property.Edt, out int watts);
                sum += watts;
            }
            else
            {
                SmartMeterCodec.TryDecodeCumulative(property.Edt, out uint raw);
                sum += raw;
            }
        }

        return sum;
    }
}
