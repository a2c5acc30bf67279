using Aizu.Files;
using Microsoft.Extensions.Logging;

namespace Aizu.Hardware.BRoute;

/// <summary>Keeps the PAN in a small JSON file, replaced atomically so a power cut cannot leave half a file.</summary>
public sealed class JsonFilePanStore : IPanStore
{
    private readonly JsonStateFile<PanInfo> _file;
    private readonly ILogger _logger;

    /// <summary>Creates a store at <paramref name="path"/>.</summary>
    public JsonFilePanStore(string path, ILogger<JsonFilePanStore> logger)
    {
        _file = new JsonStateFile<PanInfo>(path, PanInfoJsonContext.Default.PanInfo);
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<PanInfo?> LoadAsync(CancellationToken cancellationToken)
    {
        // A damaged cache only costs a scan; say so and carry on.
        var pan = await _file.ReadAsync(reason => Log.PanCacheUnreadable(_logger, _file.Path, reason), cancellationToken);
        return pan is { MacAddress.Length: 16, Address.Length: > 0 } ? pan : null;
    }

    /// <inheritdoc />
    public Task SaveAsync(PanInfo pan, CancellationToken cancellationToken) => _file.WriteAsync(pan, cancellationToken);

    /// <inheritdoc />
    public Task ForgetAsync(CancellationToken cancellationToken)
    {
        _file.Delete();
        return Task.CompletedTask;
    }
}
