namespace Aizu.Gateway.Configuration;

/// <summary>
/// Reads the installer's configuration file before the configuration system does, because that one reports
/// an unreadable file as a stack trace and a JSON mistake without saying where it is. Each problem is one
/// line naming the file, what is wrong and what is allowed.
/// </summary>
internal static class ConfigurationFile
{
    /// <summary>The root sections a file may have: the gateway's own, and .NET's log levels.</summary>
    public static readonly IReadOnlyList<string> RootSections = ["Aizu", "Logging"];

    private static readonly string[] SecretKeys = ["Password", "RouteBId"];

    // The same leniency as the JSON configuration provider, so a file it accepts is accepted here.
    private static readonly JsonDocumentOptions Leniency = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The one problem with the file at <paramref name="path"/>, or null when it can be read.</summary>
    public static string? Problem(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"Configuration file {path} does not exist.";
        }
        catch (UnauthorizedAccessException)
        {
            return $"Configuration file {path} cannot be read: permission denied; the gateway's user must be able to read it (the package installs it root:aizu, mode 0640).";
        }
        catch (IOException exception)
        {
            return $"Configuration file {path} cannot be read: {exception.Message}";
        }

        // The JSON reader would fail on the first name or value holding such bytes with an exception of its own.
        if (FirstInvalidUtf8(content) is var (line, position))
        {
            return $"Configuration file {path} is not UTF-8 text at line {line}, position {position}; save it as UTF-8 (an editor's \"Save with encoding\").";
        }

        try
        {
            using var document = JsonDocument.Parse(content, Leniency);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"Configuration file {path} must hold one JSON object, e.g. {{ \"Aizu\": {{ … }} }}, not a {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.";
            }

            foreach (var section in document.RootElement.EnumerateObject())
            {
                if (!RootSections.Contains(section.Name, StringComparer.OrdinalIgnoreCase))
                {
                    return $"Unknown root section '{section.Name}' in {path}; allowed: {string.Join(", ", RootSections)}.";
                }
            }

            // The configuration system refuses a key given twice with an exception of its own; keys ignore case there.
            if (DuplicateKey(document.RootElement, null) is { } duplicate)
            {
                return $"Configuration key '{duplicate}' is given twice in {path}; keep one (keys do not distinguish upper and lower case).";
            }
        }
        catch (JsonException exception)
        {
            // JsonException counts lines and bytes from 0; editors count both from 1.
            return $"Configuration file {path} is not valid JSON at line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}: {Reason(exception)}";
        }

        return null;
    }

    /// <summary>The first key (as a configuration path) that an object of <paramref name="element"/> names twice, or null.</summary>
    private static string? DuplicateKey(JsonElement element, string? prefix)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (DuplicateKey(item, $"{prefix}:{index++}") is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix is null ? property.Name : $"{prefix}:{property.Name}";
            if (!names.Add(property.Name))
            {
                return key;
            }

            if (DuplicateKey(property.Value, key) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The line and byte position (from 1) of the first byte that is not UTF-8, or null when all are.</summary>
    private static (int Line, int Position)? FirstInvalidUtf8(ReadOnlySpan<byte> content)
    {
        var line = 1;
        var lineStart = 0;
        for (var at = 0; at < content.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(content[at..], out _, out var length) != System.Buffers.OperationStatus.Done)
            {
                return (line, at - lineStart + 1);
            }

            if (content[at] == (byte)'\n')
            {
                line++;
                lineStart = at + 1;
            }

            at += length;
        }

        return null;
    }

    /// <summary>
    /// A warning when <paramref name="path"/> holds a secret (the B-route ID or password) and users other than
    /// its owner and group can read it. Null when it holds none, is private enough, or cannot be read.
    /// </summary>
    public static string? ExposureWarning(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)
            || (File.GetUnixFileMode(path) & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), Leniency);
            return HoldsSecret(document.RootElement)
                ? $"Configuration file {path} holds the meter's B-route credentials and every user of this device can read it; run: chown root:aizu {path} && chmod 0640 {path}"
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    // The B-route ID and password are what an intruder on the device needs to read the household's meter.
    private static bool HoldsSecret(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(property =>
            (SecretKeys.Contains(property.Name, StringComparer.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0)
            || HoldsSecret(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HoldsSecret),
        _ => false,
    };

    // The parser's own sentence without the position it appends, which the line above already gives.
    private static string Reason(JsonException exception)
    {
        var message = exception.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (position > 0 ? message[..position] : message).Trim();
        return reason.EndsWith('.') ? reason : reason + ".";
    }
}
