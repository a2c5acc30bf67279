namespace Aizu.Alerts;

/// <summary>
/// <see cref="IKeyRingStore"/> as a small JSON file, replaced with <see cref="AtomicFile"/> so a power cut
/// leaves either the old or the new state, never half of one.
/// Only public keys are stored.
/// </summary>
public sealed class FileKeyRingStore(string path) : IKeyRingStore
{
    /// <inheritdoc />
    public async Task<KeyRingState?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            DateTimeOffset? Time(string name) => Text(name) is { } text ? CapTime.Parse(text, name) : null;
            return new KeyRingState(
                Text("pinnedKeyId") ?? throw new FormatException("pinnedKeyId is missing."),
                Text("currentKey") ?? throw new FormatException("currentKey is missing."),
                Text("nextKey"),
                Time("validFrom"),
                Time("overlapUntil"),
                Time("lastUpdateIssued"));
        }
        catch (Exception exception) when (exception is JsonException or FormatException or CapFormatException)
        {
            throw new InvalidDataException($"The alert key state in '{path}' is damaged ({exception.Message}); delete it to fall back to the pinned key.", exception);
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(KeyRingState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return AtomicFile.WriteAsync(path, async (stream, _) =>
        {
            await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writer.WriteString("pinnedKeyId", state.PinnedKeyId);
            writer.WriteString("currentKey", state.CurrentKeyPem);
            Write(writer, "nextKey", state.NextKeyPem);
            Write(writer, "validFrom", state.ValidFrom is { } from ? CapTime.Format(from) : null);
            Write(writer, "overlapUntil", state.OverlapUntil is { } until ? CapTime.Format(until) : null);
            Write(writer, "lastUpdateIssued", state.LastUpdateIssued is { } issued ? CapTime.Format(issued) : null);
            writer.WriteEndObject();
        }, null, cancellationToken);
    }

    private static void Write(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
