namespace Aizu.Hardware.BRoute;

/// <summary>Remembers the meter's PAN between runs; a scan takes minutes, a rejoin seconds.</summary>
public interface IPanStore
{
    /// <summary>The remembered PAN, or null when there is none (or it could not be read).</summary>
    Task<PanInfo?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Remembers <paramref name="pan"/>.</summary>
    Task SaveAsync(PanInfo pan, CancellationToken cancellationToken);

    /// <summary>Forgets the PAN, e.g. after joining it failed (the meter was replaced).</summary>
    Task ForgetAsync(CancellationToken cancellationToken);
}
