using Aizu.Hardware.Serial.Meters;
using Aizu.Readings;
using Microsoft.Extensions.Time.Testing;

namespace Aizu.Hardware.Sml.Tests;

/// <summary>
/// The real driver, over the simulated meter's pseudo-terminal, fed real SML files of the corpus with one list entry
/// changed or one unknown entry inserted and every CRC right again: it must accept every frame, keep running, and store
/// every value the change did not touch.
/// </summary>
public sealed class DriverMutationTests
{
    private const int Mutations = 400;
    private const int Seed = 20261206;
    private static readonly TimeSpan FrameLimit = TimeSpan.FromSeconds(10);
    private static readonly SmlOptions Every = new() { PowerInterval = TimeSpan.Zero, EnergyInterval = TimeSpan.Zero };

    [Fact]
    public async Task MutatedFramesWithValidCrcs_AreAccepted_AndEveryUntouchedValueIsStored()
    {
        var files = SmlCorpus.Names()
            .Select(name => SmlCorpus.Frames(SmlCorpus.Bytes(name)).Select(Rewritten).FirstOrDefault(f => f is not null))
            .OfType<SmlFile>()
            .ToList();
        Assert.True(files.Count >= 25, $"only {files.Count} captures with a readable list");
        var random = new Random(Seed);
        var mutator = new SmlFileMutator(random);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.Meter.SetSilent(true);
        harness.Options.SilenceTimeout = TimeSpan.FromHours(1);
        harness.StartDriver(time);
        await harness.WaitUntilAsync(() => harness.Log.Contains(Microsoft.Extensions.Logging.LogLevel.Information, "open at"), "the driver opened the port");
        var stamped = new StampedReadings(harness.Readings);

        for (int i = 0; i < Mutations; i++)
        {
            var clean = files[random.Next(files.Count)];
            var (mutated, _, touched, what) = mutator.Mutate(clean);
            var expected = Unaffected.Values(Decode(clean), _ => false, Decode(SmlFileMutator.Without(clean, touched)), Decode(SmlFileMutator.Nudged(clean, touched)));

            time.Advance(TimeSpan.FromSeconds(1));
            await harness.Meter.SendGarbageAsync(SmlFileWriter.WriteFrame(mutated.Messages), CancellationToken.None);
            var statistics = harness.Driver!.Statistics;
            await stamped.ExpectAsync(
                time.GetUtcNow(),
                () => statistics.FramesAccepted + statistics.FramesRejected > i,
                expected,
                $"Mutation {i} (seed {Seed}): {what}",
                () => $"Accepted {statistics.FramesAccepted}, rejected {statistics.FramesRejected} ({statistics.LastRejection}), discarded {statistics.FramesDiscarded}.",
                FrameLimit);
        }

        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.FramesAccepted == Mutations, $"all {Mutations} frames were accepted");
        Assert.Equal(0, harness.Driver!.Statistics.FramesRejected);
        Assert.True(harness.Driver.Statistics.ValuesSkipped > Mutations / 20, $"only {harness.Driver.Statistics.ValuesSkipped} values skipped");
    }

    /// <summary>A capture's frame as <see cref="SmlFileWriter"/> writes it, so the clean and the mutated frame differ
    /// only by the mutation; null when the writer cannot write one of its messages.</summary>
    private static SmlFile? Rewritten(byte[] frame)
    {
        if (!SmlFileParser.TryParseFrame(frame, out var file, out _) || !file.Entries.Any())
        {
            return null;
        }

        try
        {
            return SmlFileParser.TryParseFrame(SmlFileWriter.WriteFrame(file.Messages), out var again, out _) ? again : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>What the codec alone makes of a file: the oracle for which values an entry feeds.</summary>
    private static List<Reading> Decode(SmlFile file)
    {
        var readings = new List<Reading>();
        if (SmlFileParser.TryParseFrame(SmlFileWriter.WriteFrame(file.Messages), out var parsed, out _))
        {
            new SmlReadingMapper(Every).Map(parsed, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), readings, new List<SkippedValue>());
        }

        return readings;
    }
}
