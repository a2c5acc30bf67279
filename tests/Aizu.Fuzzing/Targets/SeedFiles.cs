namespace Aizu.Fuzzing;

/// <summary>Takes seeds out of the repository's real captures and documents.</summary>
public static partial class SeedFiles
{
    /// <summary>
    /// Larger seeds slow every execution down and add nothing the fuzzer cannot grow itself; the big German CAP
    /// documents (150 KB) are left out.
    /// </summary>
    public const int MaxSeedBytes = 64 * 1024;

    /// <summary>Files whose name ends with one of <paramref name="endings"/>, whole.</summary>
    public static Func<string, byte[], IEnumerable<byte[]>> Ending(params string[] endings) =>
        (path, content) => endings.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? [content] : [];

    /// <summary>ECHONET Lite frames (EHD 0x10 0x81) in a capture: as bytes after an ERXUDP header, or written in hex.</summary>
    public static IEnumerable<byte[]> EchonetFrames(string path, byte[] content)
    {
        for (var at = content.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x10, 0x81]); at >= 0;)
        {
            var rest = content.AsSpan(at);
            var end = rest.IndexOf((byte)'\r');
            var frame = (end < 0 ? rest : rest[..end]).ToArray();
            if (frame.Length >= 12 && frame.Any(b => b < 0x20 || b > 0x7E))
            {
                yield return frame;
            }

            var next = content.AsSpan(at + 2).IndexOf((ReadOnlySpan<byte>)[0x10, 0x81]);
            at = next < 0 ? -1 : at + 2 + next;
        }

        foreach (Match match in HexFrame().Matches(Encoding.Latin1.GetString(content)))
        {
            var hex = match.Value.Replace(" ", "", StringComparison.Ordinal);
            if (hex.Length % 2 == 0)
            {
                yield return Convert.FromHexString(hex);
            }
        }
    }

    /// <summary>The gateway's configuration: the example file, and the JSON examples in the documentation that configure it.</summary>
    public static IEnumerable<byte[]> GatewayConfigurations(string path, byte[] content)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return [content];
        }

        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return JsonBlock().Matches(Encoding.UTF8.GetString(content))
            .Select(m => m.Groups[1].Value)
            .Where(json => json.TrimStart().StartsWith('{') && json.Contains("\"Aizu\"", StringComparison.Ordinal))
            .Select(json => Encoding.UTF8.GetBytes(json))
            .ToList();
    }

    /// <summary>
    /// Dongle transcripts for the B-route session target: a recorded session (it starts with its dialect byte) as it is;
    /// a real capture (a few lines a dongle wrote, quoted by a public project) under both dialects.
    /// </summary>
    public static IEnumerable<byte[]> DongleTranscripts(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith('.'))
        {
            return [];
        }

        return path.Contains("broute-session", StringComparison.Ordinal) ? [content] : [[0, .. content], [1, .. content]];
    }

    /// <summary>
    /// A P1 port's line for the DSMR session target from one real telegram: its generation first (DSMR 5 when the
    /// telegram carries a CRC, else 2.2), then as a meter plugged in mid-telegram and unplugged mid-telegram sends it
    /// (see <see cref="Session"/>).
    /// </summary>
    public static IEnumerable<byte[]> DsmrSessions(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!path.EndsWith(".txt", StringComparison.Ordinal))
        {
            return [];
        }

        var withCrc = TelegramCrc().IsMatch(Encoding.Latin1.GetString(content));
        return [[(byte)(withCrc ? 0 : 2), .. Session(content, "\r\n#\0\xFF line noise ("u8.ToArray())]];
    }

    /// <summary>
    /// An optical read head's line for the SML session target from the first valid transport frame of a real capture
    /// (see <see cref="Session"/>); a capture without one seeds only the parser target.
    /// </summary>
    public static IEnumerable<byte[]> SmlSessions(string path, byte[] content) =>
        path.EndsWith(".bin", StringComparison.Ordinal) && FirstSmlFrame(content) is { } frame
            // Noise as a read head sees it: escapes that start no frame, and a frame's start cut off.
            ? [Session(frame, [0x1B, 0x1B, 0x00, 0x1B, 0x1B, 0x1B, 0x1B, 0xFF, 0x1B, 0x1B, 0x1B, 0x1B, 0x01, 0x01, 0x01, 0x01, 0x76])]
            : [];

    /// <summary>The first transport frame of an SML capture that the parser passes, or null.</summary>
    public static byte[]? FirstSmlFrame(byte[] capture)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(capture));
        while (SmlFramer.TryReadFrame(ref reader, out var frame))
        {
            var bytes = frame.Bytes.ToArray();
            if (frame.Kind != SerialFrameKind.Discarded && SmlFileParser.TryParseFrame(bytes, out _, out _))
            {
                return bytes;
            }
        }

        return null;
    }

    /// <summary>
    /// A line as a meter sends it from one frame: the second half of it (the port opened mid-frame), the frame twice
    /// with <paramref name="noise"/> between them, and the first half of it (the cable pulled mid-frame). Two whole
    /// frames the driver must find.
    /// </summary>
    private static byte[] Session(byte[] frame, byte[] noise) =>
        [.. frame.AsSpan(frame.Length / 2), .. frame, .. noise, .. frame, .. frame.AsSpan(0, frame.Length / 2)];

    /// <summary>Every seed of <paramref name="target"/> under <paramref name="repositoryRoot"/>, named by source file and index.</summary>
    public static IEnumerable<(string Name, byte[] Content)> For(FuzzTarget target, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var folder in target.SeedFolders)
        {
            var directory = Path.Combine(repositoryRoot, folder);
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var index = 0;
                foreach (var seed in target.Seeds(file, File.ReadAllBytes(file)))
                {
                    if (seed.Length is > 0 and <= MaxSeedBytes)
                    {
                        yield return (string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}.{index++}"), seed);
                    }
                }
            }
        }
    }

    [GeneratedRegex("\n![0-9A-Fa-f]{4}")]
    private static partial Regex TelegramCrc();

    [GeneratedRegex("10 ?81(?: ?[0-9A-F]{2}){10,}")]
    private static partial Regex HexFrame();

    [GeneratedRegex("```json\\s*\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
