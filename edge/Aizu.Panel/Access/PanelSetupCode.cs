namespace Aizu.Panel;

/// <summary>
/// The one-time code that proves the first password is set by someone with access to the device: it is
/// printed to the console and the journal at start, shown on the device display and kept in
/// <c>panel-setup-code</c> beside the store, readable only by the service account and root. Without it,
/// whoever reached an unclaimed panel first on the LAN would own it (and could grant consents).
/// </summary>
internal sealed class PanelSetupCode : IDisposable
{
    public const string FileName = "panel-setup-code";

    // Crockford's base 32: no I, L, O or U, so a code read off a two-line display is typed back right.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 10;

    private readonly string path;
    private readonly RandomNumberGenerator random;
    private readonly SemaphoreSlim gate = new(1, 1);

    public PanelSetupCode(IOptions<StorageOptions> storage, RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(storage);
        path = Path.Combine(PanelCredentialStore.DataDirectory(storage.Value), FileName);
        this.random = random;
    }

    /// <summary>Where the code is kept while the panel is unclaimed.</summary>
    public string FilePath => path;

    public void Dispose() => gate.Dispose();

    /// <summary>The current code, made (and kept) if there is none yet; shown as <c>XXXXX-XXXXX</c>.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await ReadUnlockedAsync(cancellationToken) is { } existing)
            {
                return Format(existing);
            }

            var code = NewCode();
            Func<Stream, CancellationToken, Task> write = (file, token) => file.WriteAsync(Encoding.ASCII.GetBytes(code), token).AsTask();
            if (File.Exists(path))
            {
                // Damaged or hand-edited: replaced rather than trusted, and the new code is printed anyway.
                await AtomicFile.WriteAsync(path, write, AtomicFile.OwnerOnly, cancellationToken);
            }
            else if (!await AtomicFile.TryCreateAsync(path, write, AtomicFile.OwnerOnly, cancellationToken))
            {
                // Create-only: two processes starting together agree on one code, the first one written.
                code = await ReadUnlockedAsync(cancellationToken) ?? code;
            }

            return Format(code);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>True when <paramref name="candidate"/> is the current code (case, spaces and dashes ignored).</summary>
    public async Task<bool> MatchesAsync(string? candidate, CancellationToken cancellationToken)
    {
        string? expected;
        await gate.WaitAsync(cancellationToken);
        try
        {
            expected = await ReadUnlockedAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        if (expected is null || string.IsNullOrWhiteSpace(candidate))
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(Normalize(candidate));
        return CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(expected));
    }

    /// <summary>Forgets the code once the panel is claimed, so it cannot be used again.</summary>
    public void Consume() => File.Delete(path);

    private async Task<string?> ReadUnlockedAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = Normalize(await File.ReadAllTextAsync(path, cancellationToken));
        return text.Length == Length && text.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? text : null;
    }

    private string NewCode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        random.GetBytes(bytes);
        var code = new StringBuilder(Length);
        foreach (var b in bytes)
        {
            // 256 is a multiple of 32, so every symbol is equally likely (50 bits in all).
            code.Append(Alphabet[b % Alphabet.Length]);
        }

        return code.ToString();
    }

    private static string Normalize(string text) =>
        new(text.Where(c => c is not ('-' or ' ' or '\n' or '\r' or '\t')).Select(char.ToUpperInvariant)
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray());

    private static string Format(string code) => $"{code[..5]}-{code[5..]}";
}
