namespace Aizu.Consent;

/// <summary>
/// Decides whether the ledger may be trusted to say what leaves the gateway. Beyond the hash chain it
/// checks what a chain cannot: every household decision has a receipt signed with the gateway key that
/// names exactly that event (so a forged event with a correctly recomputed hash still fails), every
/// request, grant and renewal is allowed by some purpose catalogue signed by the city, actors fit their
/// events, and no grant is backdated. A household re-confirmation (<see cref="LedgerReconfirmation"/>)
/// accepts the ledger as it was when signed; checking then resumes after it.
/// </summary>
/// <remarks>
/// Runs without the network or the running gateway, so <c>aizu consent verify</c>, the egress side (at
/// every pass) and a future <c>aizu doctor</c> all call the same <see cref="CheckAsync"/>.
/// </remarks>
public sealed class ConsentIntegrity(ConsentLedger ledger, PurposeCatalogueStore catalogues, IGatewayKeyProvider keys, TimeProvider time)
{
    // Tolerance for a grant's start against its event's time: both come from one clock reading.
    private static readonly TimeSpan Backdating = TimeSpan.FromSeconds(1);

    /// <summary>Checks the whole ledger now.</summary>
    public async Task<ConsentIntegrityReport> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var head = await ledger.GetHeadSeqAsync(cancellationToken);
        ECDsa? key = null;
        async ValueTask<ECDsa> KeyAsync() => key ??= await keys.GetSigningKeyAsync(cancellationToken);

        var (baseSeq, baseHash, reconfirmedAt) = (0L, LedgerHash.Genesis, (DateTimeOffset?)null);
        if (await ledger.ReadLatestReconfirmationAsync(cancellationToken) is { } stored)
        {
            var reconfirmation = Read(stored, await KeyAsync());
            if (reconfirmation is null)
            {
                return new(false, head, null, "the household's latest re-confirmation is not signed with this gateway's key (it was altered or forged).", now, null);
            }

            reconfirmedAt = LedgerText.TryParseTime(reconfirmation.At, out var at) ? at : null;
            if (!string.Equals(await ledger.DigestAsync(reconfirmation.HeadSeq, cancellationToken), reconfirmation.Digest, StringComparison.Ordinal))
            {
                return new(false, head, null,
                    $"events 1–{reconfirmation.HeadSeq} were changed, removed or added to after the household re-confirmed them on {reconfirmation.At[..10]}.", now, reconfirmedAt);
            }

            (baseSeq, baseHash) = (reconfirmation.HeadSeq, reconfirmation.HeadHash);
        }

        var chain = await ledger.VerifyFromAsync(baseSeq, baseHash, cancellationToken);
        if (!chain.IsIntact)
        {
            return new(false, head, chain.BrokenSeq, $"the hash chain breaks at event {chain.BrokenSeq}: {chain.Problem}", now, reconfirmedAt);
        }

        var events = await ledger.ReadEventsAsync(baseSeq, cancellationToken);
        if (events.Count == 0)
        {
            return new(true, head, null, null, now, reconfirmedAt);
        }

        var receipts = (await ledger.ReadReceiptsAsync(null, cancellationToken)).GroupBy(r => r.Seq).ToDictionary(g => g.Key, g => g.First());
        var editions = await catalogues.ReadAllVerifiedAsync(cancellationToken);
        foreach (var recorded in events)
        {
            var problem = CheckActor(recorded)
                ?? (recorded.Actor == ConsentActor.Household ? CheckReceipt(recorded, receipts.GetValueOrDefault(recorded.Seq), await KeyAsync()) : null)
                ?? CheckExplained(recorded, editions);
            if (problem is not null)
            {
                return new(false, head, recorded.Seq, $"event {recorded.Seq} ({LedgerText.TypeName(recorded.Type)} {recorded.Grant.Reference}) {problem}", now, reconfirmedAt);
            }
        }

        return new(true, head, null, null, now, reconfirmedAt);
    }

    /// <summary>The re-confirmation in <paramref name="jws"/> when signed with <paramref name="key"/>, otherwise null.</summary>
    internal static LedgerReconfirmation? Read(string jws, ECDsa key)
    {
        var signature = Es256Jws.Verify(jws, key);
        if (!signature.IsValid)
        {
            return null;
        }

        try
        {
            var content = JsonSerializer.Deserialize(signature.Payload.Span, ConsentJson.Default.LedgerReconfirmation);
            return content is { Type: LedgerReconfirmation.TypeName } ? content with { Jws = jws } : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? CheckActor(LedgerEvent recorded)
    {
        var allowed = recorded.Type switch
        {
            ConsentStatus.Given or ConsentStatus.Renewed or ConsentStatus.Refused or ConsentStatus.Withdrawn => recorded.Actor == ConsentActor.Household,
            ConsentStatus.Requested or ConsentStatus.Revoked => recorded.Actor == ConsentActor.City,
            ConsentStatus.Expired => recorded.Actor == ConsentActor.Gateway,
            ConsentStatus.Deferred => recorded.Actor is ConsentActor.Household or ConsentActor.Gateway,
            _ => false,
        };
        return allowed ? null : $"is attributed to the {LedgerText.ActorName(recorded.Actor)}, who cannot cause it.";
    }

    private static string? CheckReceipt(LedgerEvent recorded, StoredReceipt? stored, ECDsa key)
    {
        if (stored is null)
        {
            return "is a household decision without a receipt signed by this gateway.";
        }

        var signature = Es256Jws.Verify(stored.Jws, key);
        if (!signature.IsValid)
        {
            return $"has a receipt that is not signed with this gateway's key ({signature.Problem}).";
        }

        ConsentReceipt? receipt;
        try
        {
            receipt = JsonSerializer.Deserialize(signature.Payload.Span, ConsentJson.Default.ConsentReceipt);
        }
        catch (JsonException)
        {
            receipt = null;
        }

        return receipt?.Consent is { } consent && consent.LedgerSeq == recorded.Seq && string.Equals(consent.LedgerHash, recorded.Hash, StringComparison.Ordinal)
            ? null
            : "has a receipt that was signed for another ledger event.";
    }

    private static string? CheckExplained(LedgerEvent recorded, IReadOnlyList<PurposeCatalogue> editions)
    {
        var grant = recorded.Grant;
        if (recorded.Type == ConsentStatus.Given && grant.ValidFrom < recorded.Time - Backdating)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is valid from {grant.ValidFrom:O}, before it was recorded ({recorded.Time:O}): it is backdated.");
        }

        if (recorded.Type is not (ConsentStatus.Requested or ConsentStatus.Given or ConsentStatus.Renewed))
        {
            return null;
        }

        var explained = editions.Any(catalogue => catalogue.Find(grant.Purpose) is { } purpose
            && GrantRules.PermitsTerms(purpose, grant)
            && GrantRules.CheckResearchOnly(purpose.Id, purpose.Dpv, grant.Granularity) is null);
        return explained
            ? null
            : $"is not allowed by any purpose catalogue signed by the city ({grant.Category} per {grant.Granularity} for '{grant.Purpose}' to '{grant.Recipient}').";
    }
}
