using System.Security.Cryptography;
using Aizu.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aizu.Consent;

/// <summary>
/// Keeps the receipt-signing key in a PKCS#8 PEM file readable by the gateway's user only (mode 0600).
/// A missing file is created on first use; a file that group or others may read is refused, because
/// whoever reads it can forge receipts in the household's name.
/// </summary>
public sealed class FileGatewayKeyProvider : IGatewayKeyProvider, IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
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

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & ~OwnerOnly) != 0)
            {
                throw new InvalidOperationException(
                    $"The receipt signing key {path} (Aizu:Consent:SigningKeyPath) may be read by others (mode {Convert.ToString((int)mode, 8)}); run chmod 600 on it.");
            }
        }

        var pem = await File.ReadAllTextAsync(path, cancellationToken);
        return P256Keys.TryImportPrivatePem(pem, out var loaded, out var problem)
            ? loaded!
            : throw new InvalidOperationException($"The receipt signing key {path} (Aizu:Consent:SigningKeyPath) is not usable: {problem}");
    }

    /// <summary>Writes a new key to a private temporary file, then moves it into place; null if another process won the race.</summary>
    private async Task<ECDsa?> TryCreateAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var fresh = P256Keys.Create();
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            await using (var stream = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(fresh.ExportPkcs8PrivateKeyPem().AsMemory(), cancellationToken);
                await writer.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            // Not overwriting: a key that signed receipts must never be replaced silently.
            File.Move(temporary, path, overwrite: false);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.SigningKeyCreated(path, JwkThumbprint.Of(fresh));
            }
            return fresh;
        }
        catch (IOException) when (File.Exists(path))
        {
            fresh.Dispose();
            return null;
        }
        catch
        {
            fresh.Dispose();
            throw;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
