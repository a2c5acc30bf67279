namespace Aizu.Panel;

/// <summary>
/// The household's panel password, as a hash in <c>panel-access.json</c> beside the reading store. There is
/// no default password (ETSI EN 303 645 provision 5.1): until one is set the panel only offers to set it.
/// </summary>
internal sealed class PanelCredentialStore : IDisposable
{
    public const string FileName = "panel-access.json";

    private readonly string path;
    private readonly RandomNumberGenerator random;
    private readonly SemaphoreSlim gate = new(1, 1);

    public PanelCredentialStore(IOptions<StorageOptions> storage, RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(storage);
        path = Path.Combine(DataDirectory(storage.Value), FileName);
        this.random = random;
    }

    public bool IsSetUp => File.Exists(path);

    public void Dispose() => gate.Dispose();

    /// <summary>The folder that holds the store, and with it everything else the household owns.</summary>
    public static string DataDirectory(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return Path.GetDirectoryName(Path.GetFullPath(storage.DatabasePath)) ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Sets the first password; false when one exists already (the first to set it wins).</summary>
    public async Task<bool> TrySetInitialAsync(string password, CancellationToken cancellationToken)
    {
        var record = new PanelCredentialRecord(PanelPassword.Hash(password, random));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Create-only makes "first start" atomic even against another gateway process on the same files.
            return await AtomicFile.TryCreateAsync(path, (file, token) => JsonSerializer.SerializeAsync(file, record, PanelFileJsonContext.Default.PanelCredentialRecord, token), AtomicFile.OwnerOnly, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<bool> VerifyAsync(string password, CancellationToken cancellationToken)
    {
        var record = await ReadAsync(cancellationToken);
        return record is not null && PanelPassword.Verify(password, record.Hash);
    }

    /// <summary>Replaces the password after checking the current one; false when that check fails.</summary>
    public async Task<bool> ChangeAsync(string current, string replacement, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var record = await ReadUnlockedAsync(cancellationToken);
            if (record is null || !PanelPassword.Verify(current, record.Hash))
            {
                return false;
            }

            // A power cut leaves the old or the new password, never none.
            var replaced = new PanelCredentialRecord(PanelPassword.Hash(replacement, random));
            await AtomicFile.WriteAsync(path, (file, token) => JsonSerializer.SerializeAsync(file, replaced, PanelFileJsonContext.Default.PanelCredentialRecord, token), AtomicFile.OwnerOnly, cancellationToken);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PanelCredentialRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await ReadUnlockedAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PanelCredentialRecord?> ReadUnlockedAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync(file, PanelFileJsonContext.Default.PanelCredentialRecord, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is damaged ({exception.Message}); delete it and set a new panel password at the panel.", exception);
        }
    }
}
