namespace Aizu.Egress;

/// <summary>
/// A secret in a file readable by the gateway's user only (mode 0600), outside the database: created
/// with 32 random bytes on first use, refused when group or others may read it. Loaded once; a failed
/// load (bad mode, unreadable file) is tried again next time.
/// </summary>
internal sealed class OwnerOnlySecretFile
{
    private const int SecretLength = 32;
    private const UnixFileMode OwnerOnly = AtomicFile.OwnerOnly;
    private readonly string path;
    private readonly string what;
    private readonly Lock sync = new();
    private Task<byte[]>? loading;

    /// <param name="path">The file.</param>
    /// <param name="what">How a message names it, e.g. "The pseudonym secret … (Aizu:Egress:SecretPath)".</param>
    public OwnerOnlySecretFile(string path, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        this.path = System.IO.Path.GetFullPath(path);
        this.what = what;
    }

    public string Path => path;

    public async ValueTask<ReadOnlyMemory<byte>> GetAsync(CancellationToken cancellationToken)
    {
        Task<byte[]> load;
        lock (sync)
        {
            if (loading is null || loading.IsFaulted || loading.IsCanceled)
            {
                loading = LoadOrCreateAsync(CancellationToken.None);
            }

            load = loading;
        }

        return await load.WaitAsync(cancellationToken);
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(SecretLength);

            // Create-only: if another process won the race, its secret is the one to use.
            if (await AtomicFile.TryCreateAsync(path, (stream, token) => stream.WriteAsync(fresh, token).AsTask(), OwnerOnly, cancellationToken))
            {
                return fresh;
            }
        }

        AtomicFile.ThrowIfReadableByOthers(path, $"{what} {path}");

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (bytes.Length < 16)
        {
            throw new InvalidOperationException($"{what} {path} holds {bytes.Length} bytes; at least 16 are needed.");
        }

        return bytes;
    }
}
