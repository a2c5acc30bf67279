namespace Aizu.City.Analysis;

/// <summary>One table query per analyst at a time in this host, so the next starts from what the previous gave.</summary>
/// <remarks>Several hosts on one database would need a database lock instead (docs/city.md).</remarks>
public sealed class AnalystLocks
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> locks = new();

    /// <summary>Waits for the analyst's turn; dispose to release.</summary>
    public async Task<IDisposable> HoldAsync(long analystId, CancellationToken cancellationToken)
    {
        var gate = locks.GetOrAdd(analystId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
