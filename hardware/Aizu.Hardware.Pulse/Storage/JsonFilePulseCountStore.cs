using System.Text.Json;
using Aizu.Files;
using Microsoft.Extensions.Logging;

namespace Aizu.Hardware.Pulse;

/// <summary>
/// Keeps the pulse count in a small JSON file, replaced with <see cref="AtomicFile"/> so a power cut leaves either
/// the old or the new count, never half a file.
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
    public Task SaveAsync(PulseCount count, CancellationToken cancellationToken) => AtomicFile.WriteAsync(
        _path, (stream, token) => JsonSerializer.SerializeAsync(stream, count, PulseCountJsonContext.Default.PulseCount, token), null, cancellationToken);
}
