namespace Aizu.Hardware.BRoute.Tests;

/// <summary>Every real dongle transcript under <c>Corpus/</c> reads with the driver's own SKSTACK-IP reader and ECHONET
/// Lite decoder and gives the values <c>Corpus/manifest.json</c> says its source states.</summary>
public sealed class TranscriptCorpusTests
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> Entries = new(() => CorpusManifest.Load());

    public static TheoryData<string> Files => new(Entries.Value.Select(e => e.GetProperty("file").GetString()!));

    [Theory]
    [MemberData(nameof(Files))]
    public void Transcript_ReadsAndGivesTheStatedValues(string file)
    {
        var entry = CorpusManifest.Entry(Entries.Value, file);
        var expected = entry.GetProperty("expected");
        var messages = Read(
            File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", file)),
            Enum.Parse<SkstackDialect>(entry.GetProperty("dialect").GetString()!),
            Enum.Parse<SkstackDataFormat>(entry.GetProperty("format").GetString()!));

        Assert.DoesNotContain(messages, m => m is SkstackUnrecognizedLine);
        var udp = Assert.Single(messages.OfType<SkstackUdpReceived>());
        Assert.Equal(3610, udp.RemotePort);
        var frame = EchonetFrame.Parse(udp.Data.Span);
        Assert.Equal(Hex(expected.GetProperty("esv")), (int)frame.Service);
        if (expected.TryGetProperty("powerWatts", out var watts))
        {
            var readings = new List<Reading>();
            MeterFrameDecoder.Decode(frame.Properties, DateTimeOffset.UnixEpoch, null, readings);
            Assert.Equal(double.Parse(watts.GetString()!, CultureInfo.InvariantCulture), Assert.Single(readings, r => r.Series == SeriesNames.ElectricPower).Value);
        }

        if (expected.TryGetProperty("instanceList", out var instances))
        {
            // 0xD5: the node profile's instance list notification.
            Assert.True(frame.Properties.TryFind(0xD5, out var list));
            Assert.Equal(instances.GetString(), Convert.ToHexString(list));
        }
    }

    [Fact]
    public void Corpus_HoldsBothDongleDialects()
    {
        var dialects = Entries.Value.Select(e => e.GetProperty("dialect").GetString()).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["Bp35A1", "Bp35C0"], dialects);
    }

    private static List<SkstackMessage> Read(byte[] bytes, SkstackDialect dialect, SkstackDataFormat format)
    {
        var reader = new SkstackReader(dialect, format);
        var sequence = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        var messages = new List<SkstackMessage>();
        while (reader.TryRead(ref sequence, out var message))
        {
            if (message is not null)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    private static int Hex(JsonElement value) => int.Parse(value.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
