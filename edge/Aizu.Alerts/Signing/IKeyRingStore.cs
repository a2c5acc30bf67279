namespace Aizu.Alerts;

/// <summary>Keeps <see cref="KeyRingState"/> on the device, so a restarted gateway still trusts a rotated key.</summary>
public interface IKeyRingStore
{
    /// <summary>The stored state, or null when nothing was stored yet.</summary>
    Task<KeyRingState?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="state"/> durably (atomically replacing the previous one).</summary>
    Task SaveAsync(KeyRingState state, CancellationToken cancellationToken);
}
