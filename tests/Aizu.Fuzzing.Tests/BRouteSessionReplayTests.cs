namespace Aizu.Fuzzing.Tests;

/// <summary>
/// The B-route session target really runs a session: each recorded transcript (the simulated dongle and meter, recorded
/// with `Aizu.Fuzzing record-broute`) takes the real driver from its first command through scan, join, register,
/// backfill and polling, the same way every time; and a transcript cut anywhere ends cleanly. If the driver's command
/// sequence changes, the first test fails: record the seeds again.
/// </summary>
public sealed class BRouteSessionReplayTests
{
    public static TheoryData<string> Transcripts =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Root, "tests", "Aizu.Fuzzing", "Seeds", "broute-session"), "*.bin").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("simulated-bp35a1-hex.bin", 1, "Connected to smart meter")]
    [InlineData("simulated-bp35c0-binary.bin", 1, "Connected to smart meter")]
    // Recorded with a refused PANA authentication (scan and join again), an expiry the dongle re-authenticated, and an
    // expiry whose re-authentication was refused. The replay polls without the recording's pauses, so from the second
    // expiry on the dongle's lines meet other requests than when recorded: the driver reopens the port instead of
    // joining a third time. That is still a path a real dongle can take, and the fuzzer starts from all of it.
    [InlineData("simulated-bp35a1-pana-failure-and-expiries.bin", 2, "Re-authenticated with the meter")]
    public void A_recorded_transcript_drives_the_driver_through_a_whole_session(string name, int joins, string said)
    {
        var transcript = Read(name);

        var log = new CapturingLogger<BRouteDriver>();
        var first = BRouteSessionReplay.Run(transcript, log);
        var second = BRouteSessionReplay.Run(transcript);

        Assert.True(first.Count(SeriesNames.ElectricPower) >= 5, $"{first.Count(SeriesNames.ElectricPower)} power readings");
        Assert.True(first.Count(SeriesNames.ElectricImportEnergy) >= 3, $"{first.Count(SeriesNames.ElectricImportEnergy)} import readings");
        Assert.True(first.BytesWritten > 200, $"{first.BytesWritten} bytes of commands");
        Assert.Equal(first.Readings.OrderBy(r => r.Key, StringComparer.Ordinal), second.Readings.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(first.BytesWritten, second.BytesWritten);
        Assert.True(joins == first.Joins, $"{first.Joins} joins; the driver said:{Environment.NewLine}{log.Text}");
        Assert.Contains(said, log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_recorded_transcript_is_replayed_above()
    {
        Assert.Equal(3, Transcripts.Count);
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void A_transcript_cut_anywhere_ends_the_session_cleanly(string name)
    {
        var transcript = Read(name);
        var powers = new List<int>();
        for (var length = 1; length < transcript.Length; length += 53)
        {
            powers.Add(BRouteSessionReplay.Run(transcript.AsSpan(0, length)).Count(SeriesNames.ElectricPower));
        }

        // The longer the transcript, the further the session got: never fewer readings from more of it.
        Assert.Equal(powers.Order(), powers);
        Assert.Equal(0, powers[0]);
    }

    private static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryFolders.Root, "tests", "Aizu.Fuzzing", "Seeds", "broute-session", name));
}
