using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Aizu.Hardware.Pulse;

/// <summary>
/// Keeps the pulse count in a small JSON file, written to a temporary file, flushed to disk and renamed over the old
/// one, so a power cut leaves either the old or the new count, never half a file.
/// </summary>
public sealed class JsonFilePulseCountStore : IPulseCountStore
{
    private readonly string _path;
    private readonly ILogger _logger;

    /// <summary>Creates a store at <paramref name="path"/>.</summary>
    public JsonFilePulseCountStore(string path, ILogger<JsonFilePulseCountStore> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<PulseCount?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(_path);
            var count = await JsonSerializer.DeserializeAsync(stream, PulseCountJsonContext.Default.PulseCount, cancellationToken);
            return count is { Pulses: >= 0, PulsesPerKilowattHour: > 0 } ? count : throw new JsonException("negative or zero values");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            Log.CountFileUnreadable(_logger, _path, ex.Message);
            return null;
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(PulseCount count, CancellationToken cancellationToken)
    {
        string? directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = _path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, count, PulseCountJsonContext.Default.PulseCount, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
    }
}
