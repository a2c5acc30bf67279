namespace Aizu.Consent;

/// <summary>
/// Keeps the receipt-signing key in a PKCS#8 PEM file readable by the gateway's user only (mode 0600).
/// A missing file is created on first use; a file that group or others may read is refused, because
/// whoever reads it can forge receipts in the household's name.
/// </summary>
public sealed class FileGatewayKeyProvider : IGatewayKeyProvider, IDisposable
{
    private const UnixFileMode OwnerOnly = AtomicFile.OwnerOnly;
    private readonly string path;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private ECDsa? key;

    /// <summary>Uses <see cref="ConsentOptions.SigningKeyPath"/> (by default beside the database).</summary>
    public FileGatewayKeyProvider(IOptions<ConsentOptions> options, ILogger<FileGatewayKeyProvider> logger)
        : this(ConsentOptions.ResolveSigningKeyPath(options?.Value ?? throw new ArgumentNullException(nameof(options))), logger)
    {
    }

    /// <summary>Uses the file at <paramref name="path"/>.</summary>
    public FileGatewayKeyProvider(string path, ILogger<FileGatewayKeyProvider> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(logger);
        this.path = Path.GetFullPath(path);
        this.logger = logger;
    }

    /// <summary>Where the key lives.</summary>
    public string KeyPath => path;

    /// <inheritdoc />
    public async ValueTask<ECDsa> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        if (key is { } known)
        {
            return known;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            key ??= await LoadOrCreateAsync(cancellationToken);
            return key;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        key?.Dispose();
        gate.Dispose();
    }

    private async Task<ECDsa> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            var created = await TryCreateAsync(cancellationToken);
            if (created is not null)
            {
                return created;
            }
        }

        AtomicFile.ThrowIfReadableByOthers(path, $"The receipt signing key {path} (Aizu:Consent:SigningKeyPath)");

        var pem = await File.ReadAllTextAsync(path, cancellationToken);
        return P256Keys.TryImportPrivatePem(pem, out var loaded, out var problem)
            ? loaded!
            : throw new InvalidOperationException($"The receipt signing key {path} (Aizu:Consent:SigningKeyPath) is not usable: {problem}");
    }

    /// <summary>Writes a new private key into place; null if another process won the race.</summary>
    private async Task<ECDsa?> TryCreateAsync(CancellationToken cancellationToken)
    {
        var fresh = P256Keys.Create();
        try
        {
            // Not overwriting: a key that signed receipts must never be replaced silently.
            if (!await AtomicFile.TryCreateAsync(path, (stream, token) => stream.WriteAsync(Encoding.ASCII.GetBytes(fresh.ExportPkcs8PrivateKeyPem()), token).AsTask(), OwnerOnly, cancellationToken))
            {
                fresh.Dispose();
                return null;
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.SigningKeyCreated(path, JwkThumbprint.Of(fresh));
            }
            return fresh;
        }
        catch
        {
            fresh.Dispose();
            throw;
        }
    }
}
