namespace Aizu.Fuzzing;

/// <summary>The remembered PAN in memory: a replay starts with none, so the driver scans as on a first start.</summary>
internal sealed class MemoryPanStore : IPanStore
{
    private PanInfo? _pan;

    public Task<PanInfo?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(_pan);

    public Task SaveAsync(PanInfo pan, CancellationToken cancellationToken)
    {
        _pan = pan;
        return Task.CompletedTask;
    }

    public Task ForgetAsync(CancellationToken cancellationToken)
    {
        _pan = null;
        return Task.CompletedTask;
    }
}
