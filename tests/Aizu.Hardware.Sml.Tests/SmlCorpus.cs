namespace Aizu.Hardware.Sml.Tests;

/// <summary>The real captures under <c>Corpus/</c> and what <c>Corpus/manifest.json</c> says about each.</summary>
internal static class SmlCorpus
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> Entries = new(() => CorpusManifest.Load());

    public static TheoryData<string> Files => new(Names());

    /// <summary>Vendor and model of every capture (the file name's first two words), each once.</summary>
    public static List<string> Models() =>
        [.. Entries.Value.Select(e => string.Join(' ', e.GetProperty("model").GetString()!.Split(' ')[..2]).ToUpperInvariant()).Distinct()];

    /// <summary>Every capture's file name.</summary>
    public static IEnumerable<string> Names() => Entries.Value.Select(e => e.GetProperty("file").GetString()!);

    public static JsonElement Entry(string file) => CorpusManifest.Entry(Entries.Value, file);

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", file));

    /// <summary>Every complete transport frame in a capture, as the driver's framer cuts it.</summary>
    public static List<byte[]> Frames(byte[] capture)
    {
        var frames = new List<byte[]>();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(capture));
        while (SmlFramer.TryReadFrame(ref reader, out var frame))
        {
            if (frame.Kind == SerialFrameKind.Frame)
            {
                frames.Add(frame.Bytes.ToArray());
            }
        }

        return frames;
    }
}
