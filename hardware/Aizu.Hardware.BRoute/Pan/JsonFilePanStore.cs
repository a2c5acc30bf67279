using System.Text.Json;
using Aizu.Files;
using Microsoft.Extensions.Logging;

namespace Aizu.Hardware.BRoute;

/// <summary>Keeps the PAN in a small JSON file, replaced atomically so a power cut cannot leave half a file.</summary>
public sealed class JsonFilePanStore : IPanStore
{
    private readonly string _path;
    private readonly ILogger _logger;

    /// <summary>Creates a store at <paramref name="path"/>.</summary>
    public JsonFilePanStore(string path, ILogger<JsonFilePanStore> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<PanInfo?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(_path);
            var pan = await JsonSerializer.DeserializeAsync(stream, PanInfoJsonContext.Default.PanInfo, cancellationToken);
            return pan is { MacAddress.Length: 16, Address.Length: > 0 } ? pan : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // A damaged cache only costs a scan; say so and carry on.
            Log.PanCacheUnreadable(_logger, _path, ex.Message);
            return null;
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(PanInfo pan, CancellationToken cancellationToken) => AtomicFile.WriteAsync(
        _path, (stream, token) => JsonSerializer.SerializeAsync(stream, pan, PanInfoJsonContext.Default.PanInfo, token), null, cancellationToken);

    /// <inheritdoc />
    public Task ForgetAsync(CancellationToken cancellationToken)
    {
        File.Delete(_path);
        return Task.CompletedTask;
    }
}
