namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>Every real telegram under <c>Corpus/</c> parses with its published CRC and gives the values
/// <c>Corpus/manifest.json</c> says its source states.</summary>
public sealed class CorpusTests
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> Entries = new(() => CorpusManifest.Load());

    /// <summary>The manifest's entries, one per file.</summary>
    internal static IReadOnlyList<JsonElement> Manifest => Entries.Value;

    public static TheoryData<string> Files => new(Entries.Value.Select(e => e.GetProperty("file").GetString()!));

    [Theory]
    [MemberData(nameof(Files))]
    public void Telegram_ParsesWithItsChecksumAndGivesTheStatedValues(string file)
    {
        var entry = CorpusManifest.Entry(Entries.Value, file);
        var expected = entry.GetProperty("expected");
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", file));
        if (bytes[^1] != (byte)'\n')
        {
            // Some sources store the telegram without the CR LF the meter sends after the CRC; the framer waits for it.
            bytes = [.. bytes, (byte)'\r', (byte)'\n'];
        }

        bool hasChecksum = !entry.TryGetProperty("checksum", out var checksum) || checksum.GetBoolean();

        // As the driver reads it: the framer cuts the telegram (and leaves what a gateway appends after it).
        var reader = new System.Buffers.SequenceReader<byte>(new System.Buffers.ReadOnlySequence<byte>(bytes));
        SerialFrame frame;
        do
        {
            Assert.True(DsmrFramer.TryReadFrame(ref reader, out frame));
        }
        while (frame.Kind != SerialFrameKind.Frame);

        var t = DsmrTelegramParser.Parse(frame.Bytes, hasChecksum ? DsmrParseOptions.Strict : DsmrParseOptions.WithoutChecksum);

        Assert.Equal(hasChecksum, t.Checksum is not null);
        Assert.Empty(t.SkippedObjects);
        if (expected.TryGetProperty("importTariff1", out _))
        {
            Assert.Equal(Sum(expected, expected.TryGetProperty("importTotal", out _) ? ["importTotal"] : ["importTariff1", "importTariff2"]), t.ImportEnergy);
            Assert.Equal(Sum(expected, expected.TryGetProperty("exportTotal", out _) ? ["exportTotal"] : ["exportTariff1", "exportTariff2"]), t.ExportEnergy);
        }

        if (expected.TryGetProperty("powerImportKw", out _))
        {
            Assert.Equal((Sum(expected, "powerImportKw") - Sum(expected, "powerExportKw")) * 1000, t.NetPower);
        }

        if (expected.TryGetProperty("gas", out var gas))
        {
            Assert.Contains(t.MBus, m => m.Medium == MBusMedium.Gas && m.Value == decimal.Parse(gas.GetString()!, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Corpus_HasAtLeastFortyTelegrams()
    {
        Assert.True(Entries.Value.Count >= 40, $"{Entries.Value.Count} telegrams");
    }

    private static decimal Sum(JsonElement expected, params string[] names) =>
        names.Sum(n => expected.TryGetProperty(n, out var v) ? decimal.Parse(v.GetString()!, CultureInfo.InvariantCulture) : 0);
}
