namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>How long an active scan takes on the 920 MHz band.</summary>
/// <remarks>
/// Per channel an IEEE 802.15.4 scan lasts aBaseSuperframeDuration × (2^DURATION + 1) symbols, which at the B-route's
/// 100 kbit/s is 9.6 ms × (2^n + 1) (BP35A1 command reference 3.9 SKSCAN as enforced by smdn/Smdn.Net.SkStackIP). Channel
/// mask bit 0 is channel 33 (0x21); the band ends at channel 60 (0x3C), so FFFFFFFF scans 28 channels: about 17.5 s at
/// DURATION 6. Simulated scans are capped at <see cref="MaxScan"/> before scaling so a demo does not stall at
/// start-up; a real driver's scan timeout is only ever longer.
/// </remarks>
internal static class ScanTiming
{
    public const byte FirstChannel = 0x21;
    public const byte LastChannel = 0x3C;

    public static readonly TimeSpan MaxScan = TimeSpan.FromSeconds(6);

    private static readonly TimeSpan SuperframeSlot = TimeSpan.FromMilliseconds(9.6);

    /// <summary>The channels a mask selects, in the order the firmware scans them.</summary>
    public static List<byte> Channels(uint mask)
    {
        var channels = new List<byte>();
        for (var bit = 0; bit <= LastChannel - FirstChannel; bit++)
        {
            if ((mask & (1u << bit)) != 0)
            {
                channels.Add((byte)(FirstChannel + bit));
            }
        }

        return channels;
    }

    /// <summary>Simulated time per channel, after the cap and <paramref name="latencyScale"/>.</summary>
    public static TimeSpan PerChannel(int durationExponent, int channelCount, double latencyScale)
    {
        var perChannel = SuperframeSlot * ((1 << durationExponent) + 1);
        if (channelCount > 0 && perChannel * channelCount > MaxScan)
        {
            perChannel = MaxScan / channelCount;
        }

        return perChannel * latencyScale;
    }
}
