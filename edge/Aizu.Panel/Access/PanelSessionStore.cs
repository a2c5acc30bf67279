namespace Aizu.Panel;

/// <summary>
/// Panel sessions kept on the gateway, not in the cookie: the cookie holds only a random key, so signing out
/// ends that session for every copy of the cookie, and a password change ends every other session.
/// Kept in <c>panel-sessions.json</c> beside the store (owner-only), so a restart does not sign the household out.
/// </summary>
internal sealed class PanelSessionStore : ITicketStore, IDisposable
{
    public const string FileName = "panel-sessions.json";

    // A home panel has a handful of browsers; beyond this the least recently issued sessions go first.
    private const int MaximumSessions = 64;

    private readonly string path;
    private readonly RandomNumberGenerator random;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, AuthenticationTicket> tickets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim writer = new(1, 1);

    public PanelSessionStore(IOptions<StorageOptions> storage, RandomNumberGenerator random, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        path = Path.Combine(PanelCredentialStore.DataDirectory(storage.Value), FileName);
        this.random = random;
        this.time = time;
        Load();
    }

    public void Dispose() => writer.Dispose();

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.GetBytes(bytes);
        var key = Base64Url(bytes);

        // The principal a request sees comes from the stored ticket, so it carries its own key: a password
        // change can then keep the session that made it.
        if (ticket.Principal.Identity is System.Security.Claims.ClaimsIdentity identity)
        {
            identity.AddClaim(new System.Security.Claims.Claim(KeyClaim, key));
        }

        tickets[key] = ticket;
        foreach (var surplus in tickets.OrderByDescending(t => t.Value.Properties.IssuedUtc ?? DateTimeOffset.MinValue).Skip(MaximumSessions).ToList())
        {
            tickets.TryRemove(surplus.Key, out _);
        }

        await PersistAsync().ConfigureAwait(false);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // A session ended elsewhere (sign-out, password change) is not brought back by a late renewal.
        if (tickets.ContainsKey(key))
        {
            tickets[key] = ticket;
            await PersistAsync().ConfigureAwait(false);
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!tickets.TryGetValue(key, out var ticket))
        {
            return Task.FromResult<AuthenticationTicket?>(null);
        }

        if (ticket.Properties.ExpiresUtc is { } expires && expires <= time.GetUtcNow())
        {
            tickets.TryRemove(key, out _);
            return Task.FromResult<AuthenticationTicket?>(null);
        }

        return Task.FromResult<AuthenticationTicket?>(ticket);
    }

    public async Task RemoveAsync(string key)
    {
        if (tickets.TryRemove(key, out _))
        {
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Ends every session except <paramref name="keep"/> (the one that changed the password).</summary>
    public async Task RemoveAllExceptAsync(string? keep)
    {
        foreach (var key in tickets.Keys.Where(k => !string.Equals(k, keep, StringComparison.Ordinal)).ToList())
        {
            tickets.TryRemove(key, out _);
        }

        await PersistAsync().ConfigureAwait(false);
    }

    /// <summary>The store key of the session <paramref name="user"/> belongs to, or null.</summary>
    public static string? KeyOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(KeyClaim)?.Value;

    private const string KeyClaim = "aizu-session";

    private void Load()
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllBytes(path), PanelFileJsonContext.Default.DictionaryStringString) ?? [];
            foreach (var (key, value) in stored)
            {
                if (TicketSerializer.Default.Deserialize(Convert.FromBase64String(value)) is { } ticket)
                {
                    tickets[key] = ticket;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or IOException)
        {
            // A damaged file costs the household one sign-in, nothing more; it is rewritten on the next one.
            tickets.Clear();
        }
    }

    private async Task PersistAsync()
    {
        var snapshot = tickets.ToDictionary(t => t.Key, t => Convert.ToBase64String(TicketSerializer.Default.Serialize(t.Value)), StringComparer.Ordinal);
        await writer.WaitAsync().ConfigureAwait(false);
        try
        {
            await AtomicFile.WriteAsync(path, (file, token) => JsonSerializer.SerializeAsync(file, snapshot, PanelFileJsonContext.Default.DictionaryStringString, token), AtomicFile.OwnerOnly, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            writer.Release();
        }
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
