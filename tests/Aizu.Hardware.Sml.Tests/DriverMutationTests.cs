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

        await using var harness = await DriverHarness.StartSimulatorAsync();
        long skipped = await MutationRun.RunAsync(harness, Mutations, Seed, _ =>
        {
            var clean = files[random.Next(files.Count)];
            var (mutated, _, touched, what) = mutator.Mutate(clean);
            var expected = Unaffected.Values(Decode(clean), _ => false, Decode(SmlFileMutator.Without(clean, touched)), Decode(SmlFileMutator.Nudged(clean, touched)));
            return new MutatedFrame(SmlFileWriter.WriteFrame(mutated.Messages), expected, what);
        });

        Assert.True(skipped > Mutations / 20, $"only {skipped} values skipped");
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
            new SmlReadingMapper(Every).Map(parsed, MutationRun.Start, readings, new List<SkippedValue>());
        }

        return readings;
    }
}
