namespace Aizu.Hardware.Pulse;

/// <summary>Keeps the pulse count across restarts, so the energy register neither drops back nor counts twice.</summary>
public interface IPulseCountStore
{
    /// <summary>The remembered count, or null when there is none (first start) or it could not be read.</summary>
    Task<PulseCount?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Remembers <paramref name="count"/>; when this returns, it survives a power cut.</summary>
    Task SaveAsync(PulseCount count, CancellationToken cancellationToken);
}
