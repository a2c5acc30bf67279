using System.Text;
using Aizu.Hardware.Serial.Meters;
using Aizu.Readings;
using Microsoft.Extensions.Time.Testing;

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
    private static readonly TimeSpan FrameLimit = TimeSpan.FromSeconds(10);

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
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.Meter.SetSilent(true);
        harness.Options.SilenceTimeout = TimeSpan.FromHours(1);
        harness.StartDriver(time);
        await harness.WaitUntilAsync(() => harness.Log.Contains(Microsoft.Extensions.Logging.LogLevel.Information, "open at"), "the driver opened the port");
        var stamped = new StampedReadings(harness.Readings);

        for (int i = 0; i < Mutations; i++)
        {
            var clean = telegrams[random.Next(telegrams.Count)];
            var (lines, changed, touched, what) = mutator.Mutate(clean);
            var without = clean.Where((line, index) => index != changed && !touched.Contains(TelegramMutator.Obis(line) ?? string.Empty)).ToList();
            var expected = Unaffected.Values(Decode(clean), StoredOnChangeOnly, Decode(without));

            time.Advance(TimeSpan.FromSeconds(1));
            await harness.Meter.SendGarbageAsync(TelegramMutator.Write(lines), CancellationToken.None);
            var statistics = harness.Driver!.Statistics;
            await stamped.ExpectAsync(
                time.GetUtcNow(),
                () => statistics.FramesAccepted + statistics.FramesRejected > i,
                expected,
                $"Mutation {i} (seed {Seed}): {what}",
                () => $"Accepted {statistics.FramesAccepted}, rejected {statistics.FramesRejected} ({statistics.LastRejection}), discarded {statistics.FramesDiscarded}.",
                FrameLimit);
        }

        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.FramesAccepted == Mutations, $"all {Mutations} telegrams were accepted");
        Assert.Equal(0, harness.Driver!.Statistics.FramesRejected);
        Assert.True(harness.Driver.Statistics.ValuesSkipped > Mutations / 10, $"only {harness.Driver.Statistics.ValuesSkipped} objects skipped");
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
            new DsmrReadingMapper(every).Map(readout, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), readings, new List<SkippedValue>());
        }

        return readings;
    }
}
