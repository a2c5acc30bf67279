namespace Aizu.Fuzzing.Tests;

/// <summary>
/// The DSMR and SML session targets really run the drivers' serial loops: each seed (a real capture as a meter sends
/// it, plugged in and unplugged mid-frame) takes the driver to readings, the same way every time; whole valid frames
/// give exactly their values; the driver finds the next valid frame after noise and after a silence that made it
/// reopen the port; and a line cut anywhere ends cleanly. In process and uninstrumented: about a second.
/// </summary>
public sealed class SerialSessionReplayTests
{
    // Values the sources of these captures state (tests/*/Corpus/manifest.json).
    private const double V5TariffOneKwh = 4.426;
    private const double V5PowerWatts = 244;

    public static TheoryData<string> SessionTargets => ["dsmr-session", "sml-session"];

    [Theory]
    [MemberData(nameof(SessionTargets))]
    public void Every_seed_drives_the_driver_to_the_readings_of_its_two_whole_frames_the_same_way_twice(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var seeds = SeedFiles.For(target, RepositoryFolders.Root).ToList();
        Assert.True(seeds.Count >= 30, $"{seeds.Count} seeds");

        var failures = new List<string>();
        foreach (var (seed, content) in seeds)
        {
            var first = RunAndCheck(name, content);
            var second = RunAndCheck(name, content);
            if (first.FramesAccepted != 2 || first.Readings.Count == 0 || !first.Readings.SequenceEqual(second.Readings))
            {
                failures.Add($"{seed}: {first.FramesAccepted} frames accepted, {first.FramesRejected} refused, {first.Readings.Count} readings, {second.Readings.Count} the second time");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Whole_valid_telegrams_give_exactly_their_readings()
    {
        var telegram = DsmrCapture("dsmr_parser_v5.txt");

        var outcome = DsmrSessionReplay.RunAndCheck([0, .. telegram, .. telegram, .. telegram]);

        Assert.Equal((3, 0, 0), (outcome.FramesAccepted, outcome.FramesRejected, outcome.FramesDiscarded));
        Assert.Equal([V5TariffOneKwh, V5TariffOneKwh, V5TariffOneKwh], outcome.Values(SeriesNames.ElectricImportEnergyTariffOne));
        Assert.Equal([V5PowerWatts, V5PowerWatts, V5PowerWatts], outcome.Values(SeriesNames.ElectricPower));
    }

    [Fact]
    public void Whole_valid_sml_frames_give_exactly_their_readings()
    {
        var frame = SmlFrame("EMH_eHZ-HW8E2A5L0EK2P.bin");

        var outcome = SmlSessionReplay.RunAndCheck([.. frame, .. frame, .. frame]);

        Assert.Equal((3, 0, 0), (outcome.FramesAccepted, outcome.FramesRejected, outcome.FramesDiscarded));
        var imports = outcome.Values(SeriesNames.ElectricImportEnergy);
        Assert.Equal(3, imports.Count);
        Assert.Single(imports.Distinct());
        Assert.True(imports[0] > 0, $"{imports[0]} kWh");
    }

    [Theory]
    [InlineData("dsmr-session")]
    [InlineData("sml-session")]
    public void After_noise_the_driver_finds_the_next_valid_frame(string name)
    {
        var noise = new byte[3000];
        new Random(20261207).NextBytes(noise);
        var frame = name == "dsmr-session" ? [0, .. DsmrCapture("dsmr_parser_v5.txt")] : SmlFrame("EMH_eHZ-HW8E2A5L0EK2P.bin");
        var clean = RunAndCheck(name, frame);

        var outcome = RunAndCheck(name, name == "dsmr-session" ? [0, .. noise, .. frame.AsSpan(1)] : [.. noise, .. frame]);

        Assert.Equal(1, outcome.FramesAccepted);
        Assert.True(outcome.FramesDiscarded >= 1, $"{outcome.FramesDiscarded} stretches discarded");
        Assert.Equal(clean.Readings.Select(r => (r.Series, r.Value, r.Unit)), outcome.Readings.Select(r => (r.Series, r.Value, r.Unit)));
    }

    [Fact]
    public void After_a_silence_the_driver_reopens_the_port_and_reads_on()
    {
        // 400 lines of noise take 400 reads, 8 s of the fake clock: past the 5 s silence timeout.
        var noise = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0-0:96.13.0(no telegram here)\r\n", 400)));
        var telegram = DsmrCapture("dsmr_parser_v5.txt");

        var outcome = DsmrSessionReplay.RunAndCheck([0, .. noise, .. telegram]);

        Assert.Equal(1, outcome.SilentPeriods);
        Assert.Equal(2, outcome.Opens);
        Assert.Equal(1, outcome.FramesAccepted);
        Assert.Equal([V5PowerWatts], outcome.Values(SeriesNames.ElectricPower));
    }

    [Theory]
    [MemberData(nameof(SessionTargets))]
    public void A_line_cut_anywhere_ends_the_session_cleanly(string name)
    {
        var line = SeedFiles.For(FuzzTargets.Find(name)!, RepositoryFolders.Root).First().Content;
        var accepted = new List<long>();
        for (var length = 1; length <= line.Length; length += 37)
        {
            accepted.Add(RunAndCheck(name, line.AsSpan(0, length)).FramesAccepted);
        }

        // The longer the line, the more frames: never fewer from more of it.
        Assert.Equal(accepted.Order(), accepted);
        Assert.Equal(0, accepted[0]);
        Assert.Equal(2, accepted[^1]);
    }

    private static SerialSessionOutcome RunAndCheck(string name, ReadOnlySpan<byte> line) =>
        name == "dsmr-session" ? DsmrSessionReplay.RunAndCheck(line) : SmlSessionReplay.RunAndCheck(line);

    private static byte[] DsmrCapture(string file) =>
        File.ReadAllBytes(Path.Combine(RepositoryFolders.Root, "tests", "Aizu.Hardware.Dsmr.Tests", "Corpus", file));

    private static byte[] SmlFrame(string file) =>
        SeedFiles.FirstSmlFrame(File.ReadAllBytes(Path.Combine(RepositoryFolders.Root, "tests", "Aizu.Hardware.Sml.Tests", "Corpus", file)))!;
}
