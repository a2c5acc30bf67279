namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>
/// The real driver, over the simulated meter's pseudo-terminal, fed real telegrams of the corpus with one object
/// changed or one unknown object inserted and a CRC that is right again: it must accept every one, keep running, and
/// store every value the change did not touch.
/// </summary>
public sealed class DriverMutationTests
{
    private const int Mutations = 400;
    private const int Seed = 20261206;

    [Fact]
    public async Task MutatedTelegramsWithValidCrcs_AreAccepted_AndEveryUntouchedValueIsStored()
    {
        var telegrams = CorpusTests.Manifest
            .Where(e => !e.TryGetProperty("checksum", out var c) || c.GetBoolean())
            .Select(e => TelegramMutator.Lines(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", e.GetProperty("file").GetString()!), Encoding.ASCII)))
            .ToList();
        Assert.True(telegrams.Count >= 25, $"only {telegrams.Count} telegrams with a CRC");
        var random = new Random(Seed);
        var mutator = new TelegramMutator(random);

        await using var harness = await DriverHarness.StartSimulatorAsync();
        long skipped = await MutationRun.RunAsync(harness, Mutations, Seed, _ =>
        {
            var clean = telegrams[random.Next(telegrams.Count)];
            var (lines, changed, touched, what) = mutator.Mutate(clean);
            var without = clean.Where((line, index) => index != changed && !touched.Contains(TelegramMutator.Obis(line) ?? string.Empty)).ToList();

            // The changed object sent but unreadable: a total of tariff registers is unknown then, not the other tariff alone.
            var unreadable = clean.Select((line, index) => index == changed ? line[..line.IndexOf('(', StringComparison.Ordinal)] + "(x)" : line).ToList();
            return new MutatedFrame(TelegramMutator.Write(lines), Unaffected.Values(Decode(clean), StoredOnChangeOnly, Decode(without), Decode(unreadable)), what);
        });

        Assert.True(skipped > Mutations / 10, $"only {skipped} objects skipped");
    }

    // Gas, water, heat and the monthly peak are stored when they change, so a driver that has seen a value before
    // rightly does not store it again; the codec tests check them.
    private static bool StoredOnChangeOnly(string series) =>
        series == SeriesNames.ElectricDemandPeak || series.StartsWith("gas.", StringComparison.Ordinal)
        || series.StartsWith("water.", StringComparison.Ordinal) || series.StartsWith("heat.", StringComparison.Ordinal);

    /// <summary>What the codec alone makes of a telegram: the oracle for which values an object feeds.</summary>
    private static List<Reading> Decode(IEnumerable<string> lines)
    {
        var readout = new DsmrReadout();
        var readings = new List<Reading>();
        if (DsmrTelegramParser.TryParse(TelegramMutator.Write(lines), DsmrParseOptions.Strict, readout, out _))
        {
            var every = new DsmrOptions { PowerInterval = TimeSpan.Zero, EnergyInterval = TimeSpan.Zero };
            new DsmrReadingMapper(every).Map(readout, MutationRun.Start, readings, new List<SkippedValue>());
        }

        return readings;
    }
}
