namespace Aizu.Alerts;

/// <summary>
/// The city keys the gateway trusts: the one pinned in the configuration, moved on only by key updates
/// signed with a key trusted at that moment. During an update's overlap window both keys are accepted;
/// afterwards only the next one. Rotations are remembered in an <see cref="IKeyRingStore"/>; pinning a
/// different key in the configuration discards them (that is how an installer recovers a gateway that
/// missed a rotation).
/// </summary>
public sealed class CityKeyRing : IDisposable
{
    private readonly IOptions<AlertOptions> options;
    private readonly IKeyRingStore store;
    private readonly TimeProvider time;
    private readonly ILogger<CityKeyRing> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<TrustedKey> owned = [];
    private Ring? ring;

    /// <summary>Creates the key ring; the pinned key and the stored state are read on first use.</summary>
    public CityKeyRing(IOptions<AlertOptions> options, IKeyRingStore store, TimeProvider time, ILogger<CityKeyRing> logger)
    {
        this.options = options;
        this.store = store;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The keys whose signatures are accepted now.</summary>
    public async Task<IReadOnlyList<TrustedKey>> TrustedKeysAsync(CancellationToken cancellationToken)
    {
        var current = await LoadAsync(cancellationToken);
        return current.TrustedAt(time.GetUtcNow());
    }

    /// <summary>Which keys are trusted, and any rotation under way.</summary>
    public async Task<CityKeyStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var current = await LoadAsync(cancellationToken);
        return new CityKeyStatus(
            current.PinnedKeyId,
            current.TrustedAt(time.GetUtcNow()).Select(k => k.KeyId).ToList(),
            current.Next?.KeyId,
            current.ValidFrom,
            current.OverlapUntil);
    }

    /// <summary>Applies <paramref name="update"/>, whose signature <paramref name="signer"/> (trusted now) verified.</summary>
    internal async Task<AlertReceipt> ApplyAsync(KeyUpdate update, TrustedKey signer, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = await LoadLockedAsync(cancellationToken);
            TrustedKey next;
            try
            {
                next = Own(P256Keys.ImportPublicPem(update.NextKeyPem));
            }
            catch (FormatException exception)
            {
                return Rejected($"The key update's next key is unusable: {exception.Message}");
            }

            if (current.LastUpdateIssued is { } last)
            {
                if (update.Issued == last && current.Next?.KeyId == next.KeyId)
                {
                    return new AlertReceipt(AlertOutcome.KeyUpdateAlreadyApplied, null, $"Key update for {next.KeyId} was applied already.");
                }

                if (update.Issued <= last)
                {
                    return Rejected($"The key update issued {CapTime.Format(update.Issued)} is not newer than the one applied ({CapTime.Format(last)}): a replay.");
                }
            }

            if (next.KeyId == signer.KeyId)
            {
                return Rejected("The key update announces the key that signed it.");
            }

            var updated = current with
            {
                Current = signer,
                Next = next,
                ValidFrom = update.ValidFrom,
                OverlapUntil = update.OverlapUntil,
                LastUpdateIssued = update.Issued,
            };
            try
            {
                await store.SaveAsync(updated.ToState(), cancellationToken);
            }
            catch (IOException exception)
            {
                // The rotation still holds until the next restart, when the retained key update arrives again.
                logger.KeyStateNotSaved(exception, exception.Message);
            }

            ring = updated;
            logger.KeyUpdateApplied(next.KeyId, signer.KeyId, update.ValidFrom, update.OverlapUntil);
            return new AlertReceipt(AlertOutcome.KeyUpdated, null, $"Next city key {next.KeyId} accepted from {CapTime.Format(update.ValidFrom)}; {signer.KeyId} until {CapTime.Format(update.OverlapUntil)}.");
        }
        finally
        {
            gate.Release();
        }

        static AlertReceipt Rejected(string problem) => new(AlertOutcome.RejectedKeyUpdate, null, problem);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in owned)
        {
            key.Key.Dispose();
        }

        owned.Clear();
        gate.Dispose();
    }

    private async Task<Ring> LoadAsync(CancellationToken cancellationToken)
    {
        if (ring is { } loaded)
        {
            return loaded;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return await LoadLockedAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Ring> LoadLockedAsync(CancellationToken cancellationToken)
    {
        if (ring is { } loaded)
        {
            return loaded;
        }

        var configured = options.Value;
        var pem = configured.CityKeyPem.Length > 0
            ? configured.CityKeyPem
            : await File.ReadAllTextAsync(configured.CityKeyFile, cancellationToken);
        var pinned = Own(P256Keys.ImportPublicHalfPem(pem));
        var fresh = new Ring(pinned.KeyId, pinned, null, null, null, null);

        KeyRingState? state;
        try
        {
            state = await store.LoadAsync(cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            // Refusing every alert over a damaged state file would be worse than falling back to the pin:
            // the retained key update re-arrives on the next connection and restores a rotation.
            logger.KeyStateDamaged(exception, exception.Message);
            state = null;
        }

        if (state is null)
        {
            ring = fresh;
        }
        else if (state.PinnedKeyId != pinned.KeyId)
        {
            logger.PinChanged(state.PinnedKeyId, pinned.KeyId);
            ring = fresh;
        }
        else
        {
            ring = new Ring(
                state.PinnedKeyId,
                Own(P256Keys.ImportPublicPem(state.CurrentKeyPem)),
                state.NextKeyPem is { } next ? Own(P256Keys.ImportPublicPem(next)) : null,
                state.ValidFrom,
                state.OverlapUntil,
                state.LastUpdateIssued);
        }

        return ring;
    }

    private TrustedKey Own(System.Security.Cryptography.ECDsa key)
    {
        var trusted = TrustedKey.From(key);
        owned.Add(trusted);
        return trusted;
    }

    private sealed record Ring(string PinnedKeyId, TrustedKey Current, TrustedKey? Next, DateTimeOffset? ValidFrom, DateTimeOffset? OverlapUntil, DateTimeOffset? LastUpdateIssued)
    {
        public IReadOnlyList<TrustedKey> TrustedAt(DateTimeOffset now)
        {
            if (Next is null || ValidFrom is not { } from || OverlapUntil is not { } until || now < from)
            {
                return [Current];
            }

            return now < until ? [Current, Next] : [Next];
        }

        public KeyRingState ToState() => new(
            PinnedKeyId,
            P256Keys.ExportPublicPem(Current.Key),
            Next is null ? null : P256Keys.ExportPublicPem(Next.Key),
            ValidFrom,
            OverlapUntil,
            LastUpdateIssued);
    }
}
