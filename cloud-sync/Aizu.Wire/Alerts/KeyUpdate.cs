namespace Aizu.Wire;

/// <summary>
/// The city's announcement of its next signing key, signed by a key the gateway trusts now. From
/// <see cref="ValidFrom"/> until <see cref="OverlapUntil"/> signatures by either key are accepted; after that
/// only by the next one. Sent as a JWS with <c>cty</c> <see cref="JwsContentTypes.KeyUpdate"/>.
/// </summary>
/// <param name="Issued">When the city issued it; a gateway applies only updates newer than the last one it applied.</param>
/// <param name="NextKeyPem">The next public key as PEM <c>PUBLIC KEY</c>.</param>
/// <param name="ValidFrom">When the next key starts to be accepted.</param>
/// <param name="OverlapUntil">When the signing key stops being accepted.</param>
public sealed record KeyUpdate(DateTimeOffset Issued, string NextKeyPem, DateTimeOffset ValidFrom, DateTimeOffset OverlapUntil)
{
    /// <summary>The <c>type</c> member that names this document format.</summary>
    public const string TypeName = "aizu.city-key-update/1";

    /// <summary>The longest overlap accepted: two keys trusted for longer only widens the window for a stolen old key.</summary>
    public static readonly TimeSpan MaxOverlap = TimeSpan.FromDays(90);

    /// <summary>The signed JSON form.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeName);
            writer.WriteString("issued", CapTime.Format(Issued));
            writer.WriteString("nextKey", NextKeyPem);
            writer.WriteString("validFrom", CapTime.Format(ValidFrom));
            writer.WriteString("overlapUntil", CapTime.Format(OverlapUntil));
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads the JSON form and checks its times.</summary>
    /// <exception cref="FormatException">It is not a valid key update; the message says why.</exception>
    public static KeyUpdate Parse(ReadOnlySpan<byte> json)
    {
        // JsonDocument checks UTF-8 inside strings only when they are read, and then throws something other than JsonException.
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            throw new FormatException("The key update is not UTF-8.");
        }

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 2 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A key update must be a JSON object.");
            }

            string Text(string name) =>
                root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                    ? text
                    : throw new FormatException($"The key update has no '{name}' text.");

            if (Text("type") != TypeName)
            {
                throw new FormatException($"The key update's type is '{Text("type")}'; expected '{TypeName}'.");
            }

            DateTimeOffset Time(string name)
            {
                try
                {
                    return CapTime.Parse(Text(name), $"key update '{name}'");
                }
                catch (CapFormatException exception)
                {
                    throw new FormatException(exception.Message, exception);
                }
            }

            var update = new KeyUpdate(Time("issued"), Text("nextKey"), Time("validFrom"), Time("overlapUntil"));
            if (update.OverlapUntil <= update.ValidFrom)
            {
                throw new FormatException("The key update's overlapUntil must be after validFrom.");
            }

            if (update.OverlapUntil - update.ValidFrom > MaxOverlap)
            {
                throw new FormatException($"The key update's overlap is {(update.OverlapUntil - update.ValidFrom).TotalDays:0.#} days; at most {MaxOverlap.TotalDays} are accepted.");
            }

            return update;
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The key update is not valid JSON: {exception.Message}", exception);
        }
    }
}
