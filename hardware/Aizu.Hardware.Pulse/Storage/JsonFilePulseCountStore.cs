namespace Aizu.Hardware.Pulse;

/// <summary>
/// Keeps the pulse count in a small JSON file, replaced with <see cref="AtomicFile"/> so a power cut leaves either
/// the old or the new count, never half a file.
/// </summary>
public sealed class JsonFilePulseCountStore(string path, ILogger<JsonFilePulseCountStore> logger) : IPulseCountStore
{
    private readonly JsonStateFile<PulseCount> _file = new(path, PulseCountJsonContext.Default.PulseCount);

    /// <inheritdoc />
    public async Task<PulseCount?> LoadAsync(CancellationToken cancellationToken)
    {
        var count = await _file.ReadAsync(reason => Log.CountFileUnreadable(logger, _file.Path, reason), cancellationToken);
        if (count is null or { Pulses: >= 0, PulsesPerKilowattHour: > 0 })
        {
            return count;
        }

        Log.CountFileUnreadable(logger, _file.Path, "negative or zero values");
        return null;
    }

    /// <inheritdoc />
    public Task SaveAsync(PulseCount count, CancellationToken cancellationToken) => _file.WriteAsync(count, cancellationToken);
}
