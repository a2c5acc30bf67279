namespace Aizu.Consent;

/// <summary>
/// The only writer of consent: every decision (grant, withdraw, renew, defer, refuse), every request
/// and revocation from the city's catalogue and every expiry goes through here into the ledger, with a
/// signed receipt for each household decision. Also the read side the egress engineer codes against
/// (<see cref="IConsentRegistry"/>), always read from the ledger so a decision recorded by the
/// <c>aizu consent</c> command in another process is seen by the next read.
/// </summary>
/// <remarks>
/// Versions: a grant always creates a new version; withdraw, renew, defer, refuse, expire and revoke
/// change the status of the current version (its terms never change, except that renewal moves the
/// expiry). A consent has one line of versions per (purpose, category); only the latest can be in
/// force. When a new version replaces one in force, the old one is recorded as withdrawn (household)
/// or revoked (city) first, so <see cref="GetGrantAsync"/> on an old <c>consent-id@version</c> never
/// answers "given" for terms that no longer hold.
/// </remarks>
public sealed class ConsentService : IConsentRegistry, IDisposable
{
    private readonly ConsentLedger ledger;
    private readonly PurposeCatalogueStore catalogues;
    private readonly IGatewayKeyProvider keys;
    private readonly IHouseholdPrincipal principal;
    private readonly TimeProvider time;
    private readonly RandomNumberGenerator random;
    private readonly ConsentOptions options;
    private readonly ILogger<ConsentService> logger;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SemaphoreSlim publishGate = new(1, 1);
    private readonly ChangeBroadcaster watchers = new();
    private readonly ConsentIntegrity integrity;

    // The last ledger event handed to watchers; -1 until first read (watchers never get history).
    private long publishedSeq = -1;

    /// <summary>Creates the service; nothing is read until first use.</summary>
    public ConsentService(
        ConsentLedger ledger,
        PurposeCatalogueStore catalogues,
        IGatewayKeyProvider keys,
        IHouseholdPrincipal principal,
        TimeProvider time,
        RandomNumberGenerator random,
        IOptions<ConsentOptions> options,
        ILogger<ConsentService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        this.catalogues = catalogues ?? throw new ArgumentNullException(nameof(catalogues));
        this.keys = keys ?? throw new ArgumentNullException(nameof(keys));
        this.principal = principal ?? throw new ArgumentNullException(nameof(principal));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.random = random ?? throw new ArgumentNullException(nameof(random));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        this.options = options.Value;
        integrity = new ConsentIntegrity(ledger, catalogues, keys, time);
    }

    /// <summary>The ledger behind the service (for verification and history).</summary>
    public ConsentLedger Ledger => ledger;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConsentGrant>> GetGrantsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await ledger.ReadSnapshotAsync(cancellationToken);
        return snapshot.States.Select(s => s.Grant).ToList();
    }

    /// <inheritdoc />
    public async Task<ConsentGrant?> GetGrantAsync(string consentId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consentId);
        return (await ledger.ReadVersionAsync(consentId, version, cancellationToken))?.Grant;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The watcher is registered when enumeration starts (the first <c>MoveNextAsync</c>). A change
    /// made through this instance is queued before the deciding call returns; one made by another
    /// process arrives within <see cref="ConsentOptions.ChangePollInterval"/>.
    /// </remarks>
    public async IAsyncEnumerable<ConsentChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = watchers.Subscribe();
        try
        {
            await EnsurePublishCursorAsync(cancellationToken);
            await foreach (var change in changes.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            watchers.Unsubscribe(changes);
        }
    }

    /// <summary>
    /// The household gives consent: a new version, status Given, valid from now for
    /// <paramref name="expiresIn"/> (default 12 months; 6 for 30-minute research data; at most 12).
    /// A version in force for the same purpose and category is withdrawn first.
    /// </summary>
    /// <param name="purposeId">A purpose in the city's catalogue.</param>
    /// <param name="category">One of <see cref="DataCategories"/> the purpose asks for.</param>
    /// <param name="granularity">One of <see cref="Granularity"/> the purpose accepts (normally <see cref="Granularity.Default"/>).</param>
    /// <param name="transform">Rounding and noise; null for the category's default.</param>
    /// <param name="expiresIn">How long it lasts; null for the default.</param>
    /// <param name="cancellationToken">Cancels before anything is recorded.</param>
    /// <exception cref="ConsentException">A rule forbids it; nothing was recorded.</exception>
    public Task<ConsentDecision> GrantAsync(
        string purposeId, string category, string granularity, ValueTransform? transform, TimeSpan? expiresIn, CancellationToken cancellationToken) =>
        GrantAsync(purposeId, category, granularity, transform, expiresIn, district: null, cancellationToken);

    /// <summary>
    /// As <see cref="GrantAsync(string, string, string, ValueTransform?, TimeSpan?, CancellationToken)"/>, sharing
    /// <paramref name="district"/> too when the household chose to (only for a purpose that asks for it); null shares none.
    /// </summary>
    /// <exception cref="ConsentException">The purpose does not ask for the district, or the code is not one.</exception>
    public async Task<ConsentDecision> GrantAsync(
        string purposeId, string category, string granularity, ValueTransform? transform, TimeSpan? expiresIn, string? district, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purposeId);
        var recorded = await RecordAsync(household: true, catalogueInForce: null, (snapshot, catalogue, now) =>
        {
            var purpose = RequirePurpose(catalogue, purposeId);
            if (GrantRules.CheckGrant(purpose, category, granularity, transform, expiresIn, now) is { } problem)
            {
                throw new ConsentException(problem);
            }

            if (GrantRules.CheckDistrict(purpose, district) is { } districtProblem)
            {
                throw new ConsentException(districtProblem);
            }

            var existing = snapshot.Find(purposeId, category);
            var given = NextVersion(purpose, category, existing, granularity, transform ?? ConsentPolicy.DefaultTransformFor(category), expiresIn, ConsentStatus.Given, now)
                with { District = district };

            var pending = new List<PendingEvent>(2);
            if (existing is { IsActive: true })
            {
                if (SameTerms(existing.Grant, given))
                {
                    throw new ConsentException(
                        $"Consent {existing.Grant.Reference} already allows exactly this until {existing.Grant.ExpiresAt:yyyy-MM-dd}; renew it to extend it.");
                }

                // The household replaced its own decision: the old terms end now, by its choice.
                // A household decision like any other, so it carries a receipt (ConsentIntegrity requires one).
                pending.Add(new PendingEvent(existing.Grant with { Status = ConsentStatus.Withdrawn }, ConsentActor.Household, WithReceipt: true));
            }

            pending.Add(new PendingEvent(given, ConsentActor.Household, WithReceipt: true));
            return pending;
        }, cancellationToken);
        return Decision(recorded);
    }

    /// <summary>The household takes consent back: status Withdrawn, effective at once for every watcher.</summary>
    /// <exception cref="ConsentException">The consent does not exist or is not in force.</exception>
    public Task<ConsentDecision> WithdrawAsync(string consentId, CancellationToken cancellationToken) =>
        DecideAsync(consentId, ConsentStatus.Withdrawn, state => state.IsActive
            ? null
            : state.IsPending
                ? $"Consent {state.Grant.Reference} is a request ({LedgerText.TypeName(state.Grant.Status)}), not in force; refuse it to decline."
                : $"Consent {state.Grant.Reference} is {LedgerText.TypeName(state.Grant.Status)}, not in force: there is nothing to withdraw.", cancellationToken);

    /// <summary>
    /// The household says yes again before expiry: same version and terms, status Renewed, a new expiry
    /// <paramref name="expiresIn"/> from now (default 12 months). Refused when the city has since changed
    /// the purpose's terms: that needs a fresh grant.
    /// </summary>
    /// <exception cref="ConsentException">Not in force, expired, or the purpose changed.</exception>
    public async Task<ConsentDecision> RenewAsync(string consentId, TimeSpan? expiresIn, CancellationToken cancellationToken)
    {
        var recorded = await RecordAsync(household: true, catalogueInForce: null, (snapshot, catalogue, now) =>
        {
            var state = RequireConsent(snapshot, consentId);
            var grant = state.Grant;
            if (!state.IsActive || grant.ExpiresAt <= now)
            {
                throw new ConsentException(grant.ExpiresAt <= now && state.IsActive
                    ? $"Consent {grant.Reference} expired on {grant.ExpiresAt:yyyy-MM-dd}; grant it again."
                    : $"Consent {grant.Reference} is {LedgerText.TypeName(grant.Status)}, not in force; only a consent in force can be renewed (grant it again instead).");
            }

            var purpose = catalogue?.Find(grant.Purpose);
            if (purpose is null || !GrantRules.PermitsTerms(purpose, grant))
            {
                throw new ConsentException(
                    $"The city has changed or ended purpose '{grant.Purpose}' since consent {grant.Reference} was given; the new terms need a fresh decision: grant it again.");
            }

            if (GrantRules.CheckValidity(now, expiresIn) is { } problem)
            {
                throw new ConsentException(problem);
            }

            var renewed = grant with
            {
                Status = ConsentStatus.Renewed,
                ExpiresAt = ConsentPolicy.ExpiryFor(now, grant.Granularity, expiresIn, purpose.ValidUntil),
            };
            return [new PendingEvent(renewed, ConsentActor.Household, WithReceipt: true)];
        }, cancellationToken);
        return Decision(recorded);
    }

    /// <summary>The household postpones a request: status Deferred (never valid for processing).</summary>
    public Task<ConsentDecision> DeferAsync(string consentId, CancellationToken cancellationToken) =>
        DecideAsync(consentId, ConsentStatus.Deferred, state => state.Grant.Status == ConsentStatus.Requested
            ? null
            : $"Consent {state.Grant.Reference} is {LedgerText.TypeName(state.Grant.Status)}; only an open request can be deferred.", cancellationToken);

    /// <summary>The household declines a request: status Refused. It may still grant later.</summary>
    public Task<ConsentDecision> RefuseAsync(string consentId, CancellationToken cancellationToken) =>
        DecideAsync(consentId, ConsentStatus.Refused, state => state.IsPending
            ? null
            : state.IsActive
                ? $"Consent {state.Grant.Reference} is in force; withdraw it instead."
                : $"Consent {state.Grant.Reference} is {LedgerText.TypeName(state.Grant.Status)}; only an open request can be refused.", cancellationToken);

    /// <summary>
    /// A household decision on one consent that needs no terms: it moves to <paramref name="next"/>, with a receipt,
    /// unless <paramref name="refusal"/> says why the consent's state does not allow it.
    /// </summary>
    private async Task<ConsentDecision> DecideAsync(
        string consentId, ConsentStatus next, Func<ConsentState, string?> refusal, CancellationToken cancellationToken)
    {
        var recorded = await RecordAsync(household: true, catalogueInForce: null, (snapshot, _, _) =>
        {
            var state = RequireConsent(snapshot, consentId);
            if (refusal(state) is { } problem)
            {
                throw new ConsentException(problem);
            }

            return [new PendingEvent(state.Grant with { Status = next }, ConsentActor.Household, WithReceipt: true)];
        }, cancellationToken);
        return Decision(recorded);
    }

    /// <summary>
    /// Records what time alone decides: grants whose expiry has passed become Expired, and requests
    /// left unanswered for <see cref="ConsentOptions.DeferUnansweredAfter"/> become Deferred.
    /// The monitor calls it every <see cref="ConsentOptions.ExpiryCheckInterval"/>. Returns the events.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEvent>> RecordDueEventsAsync(CancellationToken cancellationToken) =>
        (await RecordAsync(household: false, catalogueInForce: null, (snapshot, _, now) =>
        {
            var pending = new List<PendingEvent>();
            foreach (var state in snapshot.States)
            {
                if (state.IsActive && state.Grant.ExpiresAt <= now)
                {
                    pending.Add(new PendingEvent(state.Grant with { Status = ConsentStatus.Expired }, ConsentActor.Gateway, WithReceipt: false));
                }
                else if (state.Grant.Status == ConsentStatus.Requested && now - state.At >= options.DeferUnansweredAfter)
                {
                    // Silence is never consent: an ignored request is recorded as deferred.
                    pending.Add(new PendingEvent(state.Grant with { Status = ConsentStatus.Deferred }, ConsentActor.Gateway, WithReceipt: false));
                }
            }

            return pending;
        }, cancellationToken)).Events;

    /// <summary>The receipts of one consent, oldest first.</summary>
    public Task<IReadOnlyList<StoredReceipt>> GetReceiptsAsync(string consentId, CancellationToken cancellationToken) =>
        ledger.ReadReceiptsAsync(consentId, cancellationToken);

    /// <summary>The gateway's public key (PEM) that verifies every receipt.</summary>
    public async Task<string> GetPublicKeyPemAsync(CancellationToken cancellationToken) =>
        P256Keys.ExportPublicPem(await keys.GetSigningKeyAsync(cancellationToken));

    /// <inheritdoc />
    public Task<PurposeCatalogue?> GetCatalogueAsync(CancellationToken cancellationToken) =>
        catalogues.GetCurrentAsync(cancellationToken);

    /// <inheritdoc />
    public Task<ConsentIntegrityReport> CheckIntegrityAsync(CancellationToken cancellationToken) =>
        integrity.CheckAsync(cancellationToken);

    /// <summary>
    /// The household re-confirms its grants after the ledger was found inconsistent: signs (with the
    /// gateway key) the grants in force and a digest of the ledger up to <paramref name="seenHeadSeq"/>,
    /// the last event it was shown. Egress resumes with the next check. Refused when the ledger is intact,
    /// when it changed since the household looked, or while a grant in force is not allowed by the city's
    /// signed catalogue (withdraw it first).
    /// </summary>
    /// <exception cref="ConsentException">Refused; nothing was recorded.</exception>
    public async Task<LedgerReconfirmation> ReconfirmAsync(long seenHeadSeq, CancellationToken cancellationToken)
    {
        var key = await keys.GetSigningKeyAsync(cancellationToken);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var report = await integrity.CheckAsync(cancellationToken);
            if (report.IsIntact)
            {
                throw new ConsentException("The consent ledger is intact: there is nothing to re-confirm.");
            }

            if (report.HeadSeq != seenHeadSeq)
            {
                throw new ConsentException(
                    $"The ledger changed since you looked at it (it now ends at event {report.HeadSeq}, you saw {seenHeadSeq}); look at your consents again, then re-confirm.");
            }

            var now = time.GetUtcNow();
            var catalogue = await catalogues.GetCurrentAsync(cancellationToken);
            var active = (await ledger.ReadSnapshotAsync(cancellationToken)).States.Select(s => s.Grant).Where(g => g.IsActiveAt(now)).ToList();
            foreach (var grant in active)
            {
                if (catalogue?.Find(grant.Purpose) is not { } purpose || !GrantRules.PermitsTerms(purpose, grant))
                {
                    throw new ConsentException(
                        $"Consent {grant.Reference} ({grant.Category} per {grant.Granularity} for '{grant.Purpose}' to '{grant.Recipient}') is not allowed by the city's signed catalogue: withdraw it first ('aizu consent withdraw {grant.ConsentId}'), then re-confirm.");
                }
            }

            var content = new LedgerReconfirmation(
                LedgerReconfirmation.TypeName,
                LedgerText.FormatTime(now),
                report.HeadSeq,
                await ledger.ReadStoredHashAsync(report.HeadSeq, cancellationToken) ?? LedgerHash.Genesis,
                await ledger.DigestAsync(report.HeadSeq, cancellationToken),
                report.Problem ?? "",
                active);
            var jws = Es256Jws.Sign(JsonSerializer.SerializeToUtf8Bytes(content, ConsentJson.Default.LedgerReconfirmation), key, JwsHeader.Thumbprinted(key, LedgerReconfirmation.MediaType));
            await ledger.StoreReconfirmationAsync(now, report.HeadSeq, jws, cancellationToken);
            logger.LedgerReconfirmed(active.Count, report.HeadSeq, report.Problem ?? "");
            return content with { Jws = jws };
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        writeGate.Dispose();
        publishGate.Dispose();
    }

    /// <summary>
    /// Hands ledger events watchers have not seen yet to them, in order: those recorded here and those
    /// another process recorded. The monitor calls it every <see cref="ConsentOptions.ChangePollInterval"/>.
    /// </summary>
    internal async Task PublishNewEventsAsync(CancellationToken cancellationToken)
    {
        await publishGate.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref publishedSeq) < 0)
            {
                Interlocked.Exchange(ref publishedSeq, await ledger.GetHeadSeqAsync(cancellationToken));
                return;
            }

            foreach (var recorded in await ledger.ReadEventsAsync(Interlocked.Read(ref publishedSeq), cancellationToken))
            {
                watchers.Publish(new ConsentChange(recorded.Grant, recorded.Time));
                Interlocked.Exchange(ref publishedSeq, recorded.Seq);
            }
        }
        finally
        {
            publishGate.Release();
        }
    }

    /// <summary>
    /// Brings the ledger in line with <paramref name="catalogue"/>: a new purpose, or one whose terms
    /// changed, becomes a request per category (status Requested, never Given); a consent in force
    /// whose terms the city changed is revoked first; consents of purposes (or categories) the city
    /// dropped or ended are revoked. Text-only changes record nothing. Idempotent.
    /// </summary>
    internal async Task<(IReadOnlyList<ConsentGrant> Requested, IReadOnlyList<ConsentGrant> Revoked)> ReconcileAsync(
        PurposeCatalogue catalogue, CancellationToken cancellationToken)
    {
        var events = (await RecordAsync(household: false, catalogue, (snapshot, _, now) =>
        {
            var pending = new List<PendingEvent>();
            var offered = catalogue.Purposes
                .Where(p => p.ValidUntil is not { } end || end > now)
                .ToDictionary(p => p.Id, StringComparer.Ordinal);

            foreach (var state in snapshot.States.Where(s => s.IsActive || s.IsPending))
            {
                if (!offered.TryGetValue(state.Grant.Purpose, out var purpose) || !purpose.Categories.Contains(state.Grant.Category, StringComparer.Ordinal))
                {
                    pending.Add(new PendingEvent(state.Grant with { Status = ConsentStatus.Revoked }, ConsentActor.City, WithReceipt: false));
                }
            }

            foreach (var purpose in offered.Values)
            {
                foreach (var category in purpose.Categories)
                {
                    var state = snapshot.Find(purpose.Id, category);
                    var permits = state is not null && GrantRules.PermitsTerms(purpose, state.Grant);
                    var ask = state is null
                        || (state.IsActive && !permits)
                        || (state.IsPending && !permits)
                        || (!state.IsActive && !state.IsPending && (state.Grant.Status == ConsentStatus.Revoked || !permits));
                    if (!ask)
                    {
                        continue;
                    }

                    if (state is { IsActive: true })
                    {
                        pending.Add(new PendingEvent(state.Grant with { Status = ConsentStatus.Revoked }, ConsentActor.City, WithReceipt: false));
                    }

                    pending.Add(new PendingEvent(NewRequest(purpose, category, state, now), ConsentActor.City, WithReceipt: false));
                }
            }

            return pending;
        }, cancellationToken)).Events;

        return (
            events.Where(e => e.Type == ConsentStatus.Requested).Select(e => e.Grant).ToList(),
            events.Where(e => e.Type == ConsentStatus.Revoked).Select(e => e.Grant).ToList());
    }

    private ConsentGrant NewRequest(Purpose purpose, string category, ConsentState? state, DateTimeOffset now) =>
        NextVersion(purpose, category, state, purpose.ProposedGranularity, ConsentPolicy.DefaultTransformFor(category), expiresIn: null, ConsentStatus.Requested, now);

    /// <summary>The next version of <paramref name="state"/>'s consent (a new consent when null) under <paramref name="purpose"/>'s current terms.</summary>
    private ConsentGrant NextVersion(
        Purpose purpose, string category, ConsentState? state, string granularity, ValueTransform transform, TimeSpan? expiresIn, ConsentStatus status, DateTimeOffset now) =>
        new(
            state?.Grant.ConsentId ?? RandomIds.NewUuid(random),
            (state?.Grant.Version ?? 0) + 1,
            category,
            granularity,
            purpose.Id,
            purpose.Dpv,
            purpose.Recipient,
            purpose.OnwardSharing,
            transform,
            now,
            ConsentPolicy.ExpiryFor(now, granularity, expiresIn, purpose.ValidUntil),
            status)
        {
            PurposeVersion = purpose.Version,
            Retention = purpose.Retention,
        };

    private async Task<Recorded> RecordAsync(
        bool household,
        PurposeCatalogue? catalogueInForce,
        Func<LedgerSnapshot, PurposeCatalogue?, DateTimeOffset, IReadOnlyList<PendingEvent>> plan,
        CancellationToken cancellationToken)
    {
        await EnsurePublishCursorAsync(cancellationToken);
        if (household)
        {
            // Loaded (or created) before the write transaction, so the file I/O does not hold it open.
            await keys.GetSigningKeyAsync(cancellationToken);
        }

        IReadOnlyList<LedgerEvent> events;
        var receipts = new List<StoredReceipt>();
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var catalogue = catalogueInForce ?? await catalogues.GetCurrentAsync(cancellationToken);
            var now = time.GetUtcNow();
            events = await ledger.AppendAsync(
                now,
                snapshot => plan(snapshot, catalogue, now),
                async (recorded, token) =>
                {
                    var receipt = await IssueReceiptAsync(recorded, catalogue, token);
                    receipts.Add(receipt);
                    return receipt;
                },
                cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            foreach (var recorded in events)
            {
                logger.ConsentRecorded(recorded.Grant.Reference, LedgerText.TypeName(recorded.Type), LedgerText.ActorName(recorded.Actor),
                    recorded.Grant.Purpose, recorded.Grant.Category, recorded.Grant.Granularity, recorded.Seq);
            }
        }

        if (events.Count > 0)
        {
            try
            {
                // Not cancellable: the events are committed, and watchers must hear of them now.
                await PublishNewEventsAsync(CancellationToken.None);
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException or IOException)
            {
                // The monitor's next poll retries; the decision itself is safely recorded.
                logger.PublishFailed(exception.Message);
            }
        }

        return new Recorded(events, receipts);
    }

    private async ValueTask<StoredReceipt> IssueReceiptAsync(LedgerEvent recorded, PurposeCatalogue? catalogue, CancellationToken cancellationToken)
    {
        var key = await keys.GetSigningKeyAsync(cancellationToken);
        var principalId = await principal.GetPrincipalIdAsync(recorded.Grant, recorded.Time, cancellationToken);
        var receiptId = RandomIds.NewUuid(random);
        var receipt = ReceiptFactory.Create(recorded, catalogue, principalId, options.CollectionMethod, receiptId);
        var payload = JsonSerializer.SerializeToUtf8Bytes(receipt, ConsentJson.Default.ConsentReceipt);
        var jws = Es256Jws.Sign(payload, key, JwsHeader.Thumbprinted(key, ConsentReceipt.MediaType));
        return new StoredReceipt(receiptId, recorded.Seq, recorded.ConsentId, recorded.Version, jws);
    }

    private static ConsentDecision Decision(Recorded recorded)
    {
        // A household decision records exactly one event with a receipt, and it is the last one.
        var decided = recorded.Events[^1];
        return new ConsentDecision(decided.Grant, decided, recorded.Receipts.Single(r => r.Seq == decided.Seq));
    }

    private async Task EnsurePublishCursorAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref publishedSeq) >= 0)
        {
            return;
        }

        await publishGate.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref publishedSeq) < 0)
            {
                Interlocked.Exchange(ref publishedSeq, await ledger.GetHeadSeqAsync(cancellationToken));
            }
        }
        finally
        {
            publishGate.Release();
        }
    }

    private static Purpose RequirePurpose(PurposeCatalogue? catalogue, string purposeId)
    {
        if (catalogue is null)
        {
            throw new ConsentException(
                "No purpose catalogue from the city is in force (none received yet, or it is not signed with the key in Aizu:Consent:CityPublicKeyPem), so there is nothing to grant.");
        }

        return catalogue.Find(purposeId)
            ?? throw new ConsentException(
                $"Purpose '{purposeId}' is not in the city's catalogue (edition {catalogue.Sequence}). Purposes on offer: {(catalogue.Purposes.Count == 0 ? "none" : string.Join(", ", catalogue.Purposes.Select(p => p.Id)))}.");
    }

    private static ConsentState RequireConsent(LedgerSnapshot snapshot, string consentId) =>
        snapshot.Find(consentId ?? throw new ArgumentNullException(nameof(consentId)))
            ?? throw new ConsentException($"There is no consent with id '{consentId}'. 'aizu consent list' shows the ids.");

    private sealed record Recorded(IReadOnlyList<LedgerEvent> Events, IReadOnlyList<StoredReceipt> Receipts);

    private static bool SameTerms(ConsentGrant a, ConsentGrant b) =>
        string.Equals(a.Category, b.Category, StringComparison.Ordinal)
        && string.Equals(a.Granularity, b.Granularity, StringComparison.Ordinal)
        && string.Equals(a.Purpose, b.Purpose, StringComparison.Ordinal)
        && string.Equals(a.PurposeIri, b.PurposeIri, StringComparison.Ordinal)
        && string.Equals(a.Recipient, b.Recipient, StringComparison.Ordinal)
        && a.OnwardSharing == b.OnwardSharing
        && a.Transform == b.Transform
        && string.Equals(a.Retention, b.Retention, StringComparison.Ordinal)
        && string.Equals(a.District, b.District, StringComparison.Ordinal);
}
