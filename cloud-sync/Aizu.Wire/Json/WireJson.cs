namespace Aizu.Wire;

/// <summary>The JSON conventions every payload shares: the writer's settings, UTC times to the second, strict reading.</summary>
internal static class WireJson
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string DayFormat = "yyyy-MM-dd";
    private static readonly JsonDocumentOptions Reading = new() { AllowDuplicateProperties = false, MaxDepth = 8 };

    /// <summary>The bytes <paramref name="write"/> produces with the default writer (the settings the pinned bytes were made with).</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return buffer.ToArray();
    }

    /// <summary>UTC with 'Z' to the second: unambiguous, and no '+' for the JSON writer to escape.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A calendar day (UTC): for decision times, whose exact second would say when someone was at home and awake.</summary>
    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses <paramref name="payload"/> as one UTF-8 JSON document without repeated members; <paramref name="what"/> names it in errors.</summary>
    public static JsonDocument Parse(ReadOnlySpan<byte> payload, string what)
    {
        // JsonDocument checks UTF-8 inside strings only when they are read, and then throws something other than JsonException.
        if (!System.Text.Unicode.Utf8.IsValid(payload))
        {
            throw new FormatException($"The {what} is not UTF-8.");
        }

        try
        {
            // Which of two equal members a reader takes is reader dependent; the contract has none.
            return JsonDocument.Parse(payload.ToArray(), Reading);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The {what} is not valid JSON (or repeats a member): {exception.Message}", exception);
        }
    }

    /// <summary>The object <paramref name="element"/> or a <see cref="FormatException"/>.</summary>
    public static JsonElement Object(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new FormatException($"The {what} is not a JSON object.");

    /// <summary>The string member <paramref name="name"/>.</summary>
    public static string Text(JsonElement element, string name, string what) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"The {what} has no '{name}' text.");

    /// <summary>Checks the member that says what kind of message this is: <paramref name="name"/> must be <paramref name="value"/>.</summary>
    public static void Marker(JsonElement element, string name, string value, string what)
    {
        if (Text(element, name, what) != value)
        {
            throw new FormatException($"The {what}'s '{name}' is not '{value}'.");
        }
    }

    /// <summary>The number member <paramref name="name"/>.</summary>
    public static double Number(JsonElement element, string name, string what) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new FormatException($"The {what} has no '{name}' number.");

    /// <summary>The boolean member <paramref name="name"/>.</summary>
    public static bool Boolean(JsonElement element, string name, string what) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new FormatException($"The {what} has no '{name}' true or false.");

    /// <summary>The array member <paramref name="name"/>.</summary>
    public static JsonElement.ArrayEnumerator Array(JsonElement element, string name, string what) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new FormatException($"The {what} has no '{name}' array.");

    /// <summary>The time member <paramref name="name"/>, written by <see cref="Time(DateTimeOffset)"/>.</summary>
    public static DateTimeOffset Time(JsonElement element, string name, string what) =>
        DateTimeOffset.TryParseExact(Text(element, name, what), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new FormatException($"The {what}'s '{name}' is not a UTC time such as 2026-03-01T15:00:00Z.");

    /// <summary>The day member <paramref name="name"/>, written by <see cref="Day(DateOnly)"/>.</summary>
    public static DateOnly Day(JsonElement element, string name, string what) =>
        DateOnly.TryParseExact(Text(element, name, what), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"The {what}'s '{name}' is not a day such as 2026-03-01.");
}
