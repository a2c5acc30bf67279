using System.Security.Cryptography;
using Aizu.Files;
using Microsoft.Extensions.Options;

namespace Aizu.Egress;

/// <summary>
/// Keeps the gateway secret in a file readable by the gateway's user only (mode 0600). A missing file
/// is created with 32 random bytes on first use; a file that group or others may read is refused,
/// because a leaked secret makes every pseudonym linkable.
/// </summary>
public sealed class FileGatewaySecretProvider : IGatewaySecretProvider
{
    private const int SecretLength = 32;
    private const UnixFileMode OwnerOnly = AtomicFile.OwnerOnly;
    private readonly string path;
    private readonly Lock sync = new();
    private Task<byte[]>? loading;

    /// <summary>Uses <see cref="EgressOptions.SecretPath"/>.</summary>
    public FileGatewaySecretProvider(IOptions<EgressOptions> options)
        : this(options?.Value.SecretPath ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Uses the file at <paramref name="path"/>.</summary>
    public FileGatewaySecretProvider(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        this.path = Path.GetFullPath(path);
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>> GetSecretAsync(CancellationToken cancellationToken)
    {
        Task<byte[]> load;
        lock (sync)
        {
            // One load for all callers; a failed one (bad mode, unreadable file) is tried again next time.
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

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & ~OwnerOnly) != 0)
            {
                throw new InvalidOperationException(
                    $"The pseudonym secret {path} (Aizu:Egress:SecretPath) may be read by others (mode {Convert.ToString((int)mode, 8)}); run chmod 600 on it.");
            }
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (bytes.Length < 16)
        {
            throw new InvalidOperationException(
                $"The pseudonym secret {path} (Aizu:Egress:SecretPath) holds {bytes.Length} bytes; at least 16 are needed.");
        }

        return bytes;
    }
}
