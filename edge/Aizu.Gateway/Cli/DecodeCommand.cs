namespace Aizu.Gateway.Cli;

/// <summary>
/// <c>aizu decode &lt;input&gt;</c>: prints what it is given the way an installer wants to read it, recognising the kind
/// of input by itself: a hex ECHONET Lite frame, dongle lines (ERXUDP, EVENT, an EPANDESC block), or a file holding a
/// DSMR telegram, an SML capture or such lines. <c>--dsmr</c> and <c>--sml</c> still force the file's kind.
/// </summary>
internal static partial class DecodeCommand
{
    private const string Unrecognised =
        "error: not recognised: give a hex ECHONET Lite frame, an ERXUDP, EVENT or EPANDESC line, or a file holding a DSMR telegram or an SML capture (or use --dsmr FILE / --sml FILE).";

    // The start of an SML transport frame (escape sequence, then version 1).
    private static readonly byte[] SmlStart = [0x1B, 0x1B, 0x1B, 0x1B, 0x01, 0x01, 0x01, 0x01];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string[]>("input")
        {
            Description = "What to decode: an ECHONET Lite frame in hex (\"10 81 00 01 …\"), dongle lines as printed (ERXUDP …, EVENT …, an EPANDESC block), or a file holding a DSMR telegram, an SML capture or such lines.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dsmr = new Option<FileInfo?>("--dsmr") { Description = "Decode a DSMR P1 telegram saved in this file." };
        var sml = new Option<FileInfo?>("--sml") { Description = "Decode an SML file (binary, as read from the IR head) saved in this file." };
        var command = new Command("decode", "Decode an ECHONET Lite frame, dongle lines (ERXUDP, EVENT, EPANDESC), a DSMR telegram or an SML file and print it readably; the kind is recognised by itself.")
        {
            input,
            dsmr,
            sml,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(dsmr) is { } telegram)
            {
                return DecodeFile(telegram, bytes => DsmrTelegramDescriber.Describe(bytes), output, error);
            }

            if (parse.GetValue(sml) is { } file)
            {
                return DecodeFile(file, bytes => SmlFileDescriber.Describe(bytes), output, error);
            }

            var arguments = parse.GetValue(input) ?? [];
            if (arguments.Length == 0)
            {
                error.WriteLine("error: give a hex frame, an ERXUDP, EVENT or EPANDESC line, or a file (--dsmr FILE / --sml FILE force its kind).");
                return ExitCodes.BadArguments;
            }

            return arguments.Length == 1 && File.Exists(arguments[0])
                ? DecodeFile(new FileInfo(arguments[0]), output, error)
                : Decode(string.Join(' ', arguments), output, error);
        });
        return command;
    }

    /// <summary>The largest input decode reads: far more than a telegram, a frame or an hour of SML, far less than
    /// what would exhaust a Pi's memory when someone points it at a disk image or <c>/dev/zero</c>.</summary>
    internal const int MaxInputBytes = 16 * 1024 * 1024;

    /// <summary>Decodes a file of a kind given by the caller (<c>--dsmr</c>, <c>--sml</c>).</summary>
    internal static int DecodeFile(FileInfo file, Func<byte[], string> describe, TextWriter output, TextWriter error) =>
        Read(file, error) is { } bytes ? Describe(bytes, describe, output, error) : ExitCodes.BadInput;

    /// <summary>Decodes a file, recognising an SML capture (binary), a DSMR telegram (text from '/') or dongle lines.</summary>
    internal static int DecodeFile(FileInfo file, TextWriter output, TextWriter error)
    {
        if (Read(file, error) is not { } bytes)
        {
            return ExitCodes.BadInput;
        }

        if (bytes.AsSpan().IndexOf(SmlStart) >= 0 || IsBinary(bytes))
        {
            return Describe(bytes, content => SmlFileDescriber.Describe(content), output, error);
        }

        var text = Encoding.UTF8.GetString(bytes);
        return text.TrimStart().StartsWith('/')
            ? Describe(bytes, content => DsmrTelegramDescriber.Describe(content), output, error)
            : Decode(text, output, error);
    }

    private static int Describe(byte[] bytes, Func<byte[], string> describe, TextWriter output, TextWriter error) =>
        Guarded(() =>
        {
            output.WriteLine(describe(bytes));
            return ExitCodes.Ok;
        }, error);

    /// <summary>Reads at most <see cref="MaxInputBytes"/> of <paramref name="file"/>; a device or pipe has no length
    /// to check first, so the cap is applied while reading. Null, with one line on <paramref name="error"/>, when the
    /// file is missing, unreadable or too large.</summary>
    private static byte[]? Read(FileInfo file, TextWriter error)
    {
        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            using var content = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while (content.Length <= MaxInputBytes && (read = stream.Read(chunk)) > 0)
            {
                content.Write(chunk, 0, read);
            }

            if (content.Length > MaxInputBytes)
            {
                error.WriteLine($"error: {file.FullName} holds more than {MaxInputBytes / (1024 * 1024)} MiB; decode reads one telegram, frame or capture: cut the part you want (for example with head -c).");
                return null;
            }

            return content.ToArray();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"error: {file.FullName} does not exist.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read {file.FullName}: {ex.Message}");
        }

        return null;
    }

    /// <summary>Decodes pasted text: a DSMR telegram, dongle lines, or a hex frame.</summary>
    internal static int Decode(string text, TextWriter output, TextWriter error) =>
        Guarded(() => DecodeText(text.Trim(), output, error), error);

    private static int DecodeText(string text, TextWriter output, TextWriter error)
    {
        if (text.StartsWith('/'))
        {
            output.WriteLine(DsmrTelegramDescriber.Describe(Encoding.UTF8.GetBytes(text)));
            return ExitCodes.Ok;
        }

        if (SkstackTranscriptDescriber.LooksLikeTranscript(text))
        {
            return DecodeTranscript(text, output, error);
        }

        if (!LooksLikeHex(text))
        {
            error.WriteLine(Unrecognised);
            return ExitCodes.BadInput;
        }

        if (!EchonetFrameDescriber.TryParseHex(text, out var frame, out string? hexError))
        {
            error.WriteLine($"error: {hexError}");
            return ExitCodes.BadInput;
        }

        output.Write(EchonetFrameDescriber.Describe(frame));
        return ExitCodes.Ok;
    }

    private static int DecodeTranscript(string text, TextWriter output, TextWriter error)
    {
        // Unquoted arguments arrive joined by spaces; put each message, and each EPANDESC entry, back on its own line.
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            text = MessageStart().Replace(text, "\n");
            text = PanEntryStart().Replace(text, "\n  ");
        }

        var problems = new List<string>();
        SkstackTranscriptDescriber.Describe(text, output, problems);
        foreach (var problem in problems)
        {
            error.WriteLine($"error: {problem}");
        }

        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    // Every failure is one line on standard error: DsmrFormatException, SmlFormatException and
    // EchonetLiteFormatException say what is wrong and where; anything else is still not a stack trace.
    private static int Guarded(Func<int> decode, TextWriter error)
    {
        try
        {
            return decode();
        }
        catch (EchonetLiteFormatException ex)
        {
            error.WriteLine($"error: not a valid ECHONET Lite frame: {ex.Message}");
        }
        catch (FormatException ex)
        {
            error.WriteLine($"error: {ex.Message}");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException or IndexOutOfRangeException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: could not decode this input ({ex.GetType().Name}): {ex.Message}");
        }

        return ExitCodes.BadInput;
    }

    private static bool LooksLikeHex(string text)
    {
        var first = text.Split([' ', '\t', '\r', '\n'], 2)[0];
        if (first.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            first = first[2..];
        }

        return first.Length >= 2 && char.IsAsciiHexDigit(first[0]) && char.IsAsciiHexDigit(first[1]);
    }

    private static bool IsBinary(byte[] bytes) =>
        bytes.Take(4096).Any(b => b < 0x20 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t'));

    [GeneratedRegex(@"\s+(?=(?:EVENT|ERXUDP|EPANDESC|OK|FAIL)\b)")]
    private static partial Regex MessageStart();

    [GeneratedRegex(@"\s+(?=(?:Channel Page|Channel|Pan ID|Addr|LQI|Side|PairID):)", RegexOptions.IgnoreCase)]
    private static partial Regex PanEntryStart();
}
