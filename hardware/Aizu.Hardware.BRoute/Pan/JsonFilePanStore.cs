namespace Aizu.Hardware.BRoute;

/// <summary>Keeps the PAN in a small JSON file, replaced atomically so a power cut cannot leave half a file.</summary>
public sealed class JsonFilePanStore(string path, ILogger<JsonFilePanStore> logger) : IPanStore
{
    private readonly JsonStateFile<PanInfo> _file = new(path, PanInfoJsonContext.Default.PanInfo);

    /// <inheritdoc />
    public async Task<PanInfo?> LoadAsync(CancellationToken cancellationToken)
    {
        // A damaged cache only costs a scan; say so and carry on.
        var pan = await _file.ReadAsync(reason => Log.PanCacheUnreadable(logger, _file.Path, reason), cancellationToken);
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
