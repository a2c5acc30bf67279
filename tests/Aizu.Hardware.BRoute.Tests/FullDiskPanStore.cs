namespace Aizu.Hardware.BRoute.Tests;

/// <summary>A PAN store on a disk that has filled up: loads nothing, every save fails as the kernel reports ENOSPC.</summary>
internal sealed class FullDiskPanStore : IPanStore
{
    public int SaveAttempts { get; private set; }

    public Task<PanInfo?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult<PanInfo?>(null);

    public Task SaveAsync(PanInfo pan, CancellationToken cancellationToken)
    {
        SaveAttempts++;
        throw new IOException("No space left on device");
    }

    public Task ForgetAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
