namespace Aizu.Panel;

/// <summary>
/// The consent screen's API, on the real <see cref="ConsentService"/> (every decision goes into the
/// hash-chained ledger with a signed receipt):
/// <c>GET /api/consent</c>, <c>POST /api/consent/grants</c>, <c>POST /api/consent/grants/{id}/withdraw|renew|refuse|defer</c>,
/// <c>GET /api/consent/receipts/{receiptId}</c> (the JWS as a file), <c>GET /api/consent/receipts/{receiptId}/view</c>
/// (readable and verified), <c>GET /api/consent/public-key</c> (the key that verifies every receipt, as a file) and
/// <c>POST /api/consent/reconfirm</c> (after the ledger was found inconsistent: re-sign the consents in force).
/// </summary>
public static class ConsentEndpoints
{
    /// <summary>Days before expiry from which a consent in force shows a renewal reminder.</summary>
    public const int ReminderDays = 30;

    /// <summary>
    /// Maps the consent API and returns its route group, so the host adds the household policy and the
    /// anti-forgery filter (every POST is a decision). Works without the consent component: the overview
    /// then says <c>enabled: false</c> and every decision answers 404.
    /// </summary>
    public static RouteGroupBuilder MapConsentApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/consent").AddEndpointFilter(StoreUnavailableFilter.ConsentRecords);
        group.MapGet("", OverviewAsync);
        group.MapPost("/grants", GrantAsync);
        group.MapPost("/grants/{id}/withdraw", (string id, IServiceProvider services, CancellationToken token) =>
            DecideAsync(services, "withdraw", s => s.WithdrawAsync(id, token), token));
        group.MapPost("/grants/{id}/renew", (string id, [FromBody] ConsentRenewRequest? body, IServiceProvider services, CancellationToken token) =>
            DecideAsync(services, "renew", s => s.RenewAsync(id, Months(body?.Months, services), token), token));
        group.MapPost("/grants/{id}/refuse", (string id, IServiceProvider services, CancellationToken token) =>
            DecideAsync(services, "refuse", s => s.RefuseAsync(id, token), token));
        group.MapPost("/grants/{id}/defer", (string id, IServiceProvider services, CancellationToken token) =>
            DecideAsync(services, "defer", s => s.DeferAsync(id, token), token));
        group.MapGet("/receipts/{receiptId}", DownloadReceiptAsync);
        group.MapGet("/receipts/{receiptId}/view", ViewReceiptAsync);
        group.MapGet("/public-key", PublicKeyAsync);
        group.MapPost("/reconfirm", ReconfirmAsync);
        return group;
    }

    private static async Task<Results<Ok<ConsentOverview>, ProblemHttpResult>> OverviewAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var egress = services.GetService<EgressHistory>() is not null;
        if (services.GetService<ConsentService>() is not { } consents)
        {
            return TypedResults.Ok(new ConsentOverview(false, null, [], [], [], [], egress, ReminderDays));
        }

        var now = Now(services);
        var catalogue = await consents.GetCatalogueAsync(cancellationToken);
        var items = await ItemsAsync(consents, catalogue, now, services, cancellationToken);
        var purposes = catalogue?.Purposes
            .Where(p => p.ValidUntil is not { } end || end > now)
            .Select(Purpose)
            .ToList() ?? [];
        var reminders = items
            .Where(i => i.Active && i.DaysLeft is { } days && days <= ReminderDays)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new ConsentReminder(i.ConsentId, i.Reference, i.Purpose, i.Category, i.ExpiresAt, i.DaysLeft!.Value, i.CanRenew))
            .ToList();
        var info = catalogue is null
            ? null
            : new ConsentCatalogueInfo(catalogue.Issuer, catalogue.Sequence, catalogue.IssuedAt, catalogue.PolicyUrl, catalogue.Controller.Name);
        return TypedResults.Ok(new ConsentOverview(
            true, info, purposes, items, [.. items.Where(i => i.Pending).Select(i => i.ConsentId)], reminders, egress, ReminderDays)
        {
            Integrity = await IntegrityAsync(consents, services, cancellationToken),
            HouseholdDistrict = HouseholdDistrict(services),
        });
    }

    private static async Task<Results<Ok<ConsentDecisionResult>, ProblemHttpResult>> GrantAsync(
        ConsentGrantRequest? request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Purpose) || string.IsNullOrWhiteSpace(request.Category))
        {
            return TypedResults.Problem("Say which purpose and which data category to grant.", statusCode: StatusCodes.Status400BadRequest, title: "Incomplete grant");
        }

        return await DecideAsync(services, "grant", async consents =>
        {
            var granularity = request.Granularity;
            if (string.IsNullOrWhiteSpace(granularity))
            {
                var catalogue = await consents.GetCatalogueAsync(cancellationToken);
                granularity = catalogue?.Find(request.Purpose)?.ProposedGranularity ?? Granularity.Default;
            }

            // Shared only on the household's explicit choice, and then the configured district, never one sent by the page.
            string? district = null;
            if (request.ShareDistrict == true)
            {
                district = HouseholdDistrict(services)
                    ?? throw new ConsentException($"No district is configured on this gateway ({HouseholdOptions.SectionName}:{nameof(HouseholdOptions.District)}), so none can be shared.");
            }

            return await consents.GrantAsync(request.Purpose, request.Category, granularity, null, Months(request.Months, services), district, cancellationToken);
        }, cancellationToken);
    }

    private static async Task<Results<Ok<ConsentDecisionResult>, ProblemHttpResult>> DecideAsync(
        IServiceProvider services, string decision, Func<ConsentService, Task<ConsentDecision>> decide, CancellationToken cancellationToken)
    {
        if (services.GetService<ConsentService>() is not { } consents)
        {
            return TypedResults.Problem("This gateway has no consent component.", statusCode: StatusCodes.Status404NotFound, title: "Consent not available");
        }

        var logger = Logger(services);
        ConsentDecision decided;
        try
        {
            decided = await decide(consents);
        }
        catch (ConsentException exception)
        {
            logger.PanelConsentRefused(decision, exception.Message);
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible");
        }
        catch (ArgumentException exception)
        {
            logger.PanelConsentRefused(decision, exception.Message);
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "Not possible");
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.PanelConsentDecided(LedgerText.TypeName(decided.Event.Type), decided.Grant.Reference, decided.Grant.Purpose, decided.Grant.Category, decided.Event.Seq);
        }
        var now = Now(services);
        var catalogue = await consents.GetCatalogueAsync(cancellationToken);
        var item = (await ItemsAsync(consents, catalogue, now, services, cancellationToken)).Single(i => i.ConsentId == decided.Grant.ConsentId);
        return TypedResults.Ok(new ConsentDecisionResult(item, await ViewAsync(consents, decided.Receipt, cancellationToken)));
    }

    private static async Task<Results<Ok<ConsentIntegrityInfo>, ProblemHttpResult>> ReconfirmAsync(
        ConsentReconfirmRequest? request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ConsentService>() is not { } consents)
        {
            return TypedResults.Problem("This gateway has no consent component.", statusCode: StatusCodes.Status404NotFound, title: "Consent not available");
        }

        if (request is null)
        {
            return TypedResults.Problem("Say which ledger state you looked at (headSeq from GET /api/consent).", statusCode: StatusCodes.Status400BadRequest, title: "Incomplete re-confirmation");
        }

        var logger = Logger(services);
        try
        {
            await consents.ReconfirmAsync(request.HeadSeq, cancellationToken);
            return TypedResults.Ok(await IntegrityAsync(consents, services, cancellationToken));
        }
        catch (ConsentException exception)
        {
            logger.PanelConsentRefused("reconfirm", exception.Message);
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible");
        }
    }

    private static async Task<ConsentIntegrityInfo> IntegrityAsync(ConsentService consents, IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await consents.CheckIntegrityAsync(cancellationToken);
        var egress = services.GetService<EgressIntegrity>();
        return new ConsentIntegrityInfo(
            report.IsIntact, report.HeadSeq, report.BrokenSeq, report.Problem, report.WhatToDo, report.ReconfirmedAt,
            egress?.IsOpen ?? false, egress?.Reason);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadReceiptAsync(
        string receiptId, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ConsentService>() is not { } consents)
        {
            return TypedResults.Problem("This gateway has no consent component.", statusCode: StatusCodes.Status404NotFound, title: "Consent not available");
        }

        if (await consents.Ledger.FindReceiptAsync(receiptId, cancellationToken) is not { } receipt)
        {
            return NoReceipt(receiptId);
        }

        return TypedResults.File(Encoding.ASCII.GetBytes(receipt.Jws + "\n"), "application/jose", $"aizu-receipt-{SafeName(receipt.ReceiptId)}.jws");
    }

    private static async Task<Results<Ok<ConsentReceiptView>, ProblemHttpResult>> ViewReceiptAsync(
        string receiptId, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ConsentService>() is not { } consents)
        {
            return TypedResults.Problem("This gateway has no consent component.", statusCode: StatusCodes.Status404NotFound, title: "Consent not available");
        }

        return await consents.Ledger.FindReceiptAsync(receiptId, cancellationToken) is { } receipt
            ? TypedResults.Ok(await ViewAsync(consents, receipt, cancellationToken))
            : NoReceipt(receiptId);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PublicKeyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<ConsentService>() is not { } consents)
        {
            return TypedResults.Problem("This gateway has no consent component.", statusCode: StatusCodes.Status404NotFound, title: "Consent not available");
        }

        try
        {
            var pem = await consents.GetPublicKeyPemAsync(cancellationToken);
            return TypedResults.File(Encoding.ASCII.GetBytes(pem.EndsWith('\n') ? pem : pem + "\n"), "application/x-pem-file", "aizu-gateway-key.pem");
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            // An unreadable key file is a broken record like any other, not a crash.
            return StoreUnavailableFilter.ConsentRecords.Problem(services, exception);
        }
    }

    private static async Task<List<ConsentItem>> ItemsAsync(ConsentService consents, PurposeCatalogue? catalogue, DateTimeOffset now, IServiceProvider services, CancellationToken cancellationToken)
    {
        // The recipients' signed deletion confirmations, checked again against the city's signature as they are read.
        var confirmed = services.GetService<DeletionConfirmationReceiver>() is { } receiver
            ? (await receiver.ListVerifiedAsync(cancellationToken)).ToLookup(c => c.ConsentId, StringComparer.Ordinal)
            : Enumerable.Empty<ConfirmedDeletion>().ToLookup(c => c.ConsentId, StringComparer.Ordinal);
        var grants = await consents.GetGrantsAsync(cancellationToken);
        var events = await consents.Ledger.ReadEventsAsync(0, cancellationToken);
        var receipts = await consents.Ledger.ReadReceiptsAsync(null, cancellationToken);
        var eventsBySeq = events.ToDictionary(e => e.Seq);
        var history = events.ToLookup(e => e.ConsentId, StringComparer.Ordinal);
        var receiptsByConsent = receipts.ToLookup(r => r.ConsentId, StringComparer.Ordinal);
        return
        [
            .. grants
                .OrderBy(g => g.Purpose, StringComparer.Ordinal)
                .ThenBy(g => g.Category, StringComparer.Ordinal)
                .Select(g => Item(g, catalogue, now, history[g.ConsentId], receiptsByConsent[g.ConsentId], eventsBySeq) with
                {
                    District = g.District,
                    DeletionConfirmed = confirmed[g.ConsentId].MaxBy(c => c.ConfirmedAt) is { } last
                        ? new ConsentDeletionConfirmation(last.ConfirmedAt, last.Recipient, last.Rows)
                        : null,
                }),
        ];
    }

    private static ConsentItem Item(
        ConsentGrant grant,
        PurposeCatalogue? catalogue,
        DateTimeOffset now,
        IEnumerable<LedgerEvent> history,
        IEnumerable<StoredReceipt> receipts,
        Dictionary<long, LedgerEvent> eventsBySeq)
    {
        var active = grant.IsActiveAt(now);
        var pending = grant.Status is ConsentStatus.Requested or ConsentStatus.Deferred;
        var purpose = catalogue?.Find(grant.Purpose);
        return new ConsentItem(
            grant.ConsentId,
            grant.Version,
            grant.Reference,
            grant.Purpose,
            grant.Category,
            grant.Granularity,
            grant.Recipient,
            grant.OnwardSharing,
            grant.Transform.RoundTo,
            grant.Transform.NoiseScale,
            grant.ValidFrom,
            grant.ExpiresAt,
            grant.Retention,
            LedgerText.TypeName(grant.Status),
            active,
            pending,
            pending && grant.Version > 1,
            active ? (int)Math.Floor((grant.ExpiresAt - now).TotalDays) : null,
            active && purpose is not null && GrantRules.PermitsTerms(purpose, grant),
            [.. receipts.Select(r => new ConsentReceiptSummary(
                r.ReceiptId,
                r.Seq,
                r.Version,
                eventsBySeq.TryGetValue(r.Seq, out var decided) ? LedgerText.TypeName(decided.Type) : "",
                decided?.Time ?? grant.ValidFrom))],
            [.. history.Select(e => new ConsentLedgerEntry(e.Seq, e.Time, LedgerText.TypeName(e.Type), LedgerText.ActorName(e.Actor), e.Version, e.Grant.Granularity, e.Hash))]);
    }

    private static ConsentPurposeItem Purpose(Purpose purpose)
    {
        // Only what the gateway could ever grant, coarsest first: never finer than 30 minutes, and
        // 30 minutes only for research (a catalogue asking otherwise is refused before it gets here).
        var granularities = Granularity.All
            .Where(g => purpose.Granularities.Contains(g, StringComparer.Ordinal))
            .Where(g => GrantRules.CheckGranularity(g) is null && GrantRules.CheckResearchOnly(purpose.Id, purpose.Dpv, g) is null)
            .ToList();
        return new ConsentPurposeItem(
            purpose.Id,
            purpose.Version,
            purpose.Title,
            purpose.Description,
            purpose.Dpv,
            purpose.IsResearch,
            purpose.Recipient,
            purpose.OnwardSharing,
            purpose.ThirdParties,
            purpose.Categories,
            granularities,
            purpose.ProposedGranularity,
            purpose.Retention,
            purpose.ValidUntil,
            string.Equals(purpose.ProposedGranularity, Granularity.HalfHour, StringComparison.Ordinal)
                ? ConsentPolicy.ResearchValidityMonths
                : ConsentPolicy.DefaultValidityMonths)
        {
            AsksDistrict = purpose.AsksDistrict,
        };
    }

    private static string? HouseholdDistrict(IServiceProvider services) =>
        services.GetService<IOptions<HouseholdOptions>>()?.Value.District is { Length: > 0 } district ? district : null;

    private static async Task<ConsentReceiptView> ViewAsync(ConsentService consents, StoredReceipt stored, CancellationToken cancellationToken)
    {
        var verification = ReceiptVerifier.Verify(stored.Jws, await consents.GetPublicKeyPemAsync(cancellationToken));
        var receipt = verification.Receipt;
        var record = receipt?.Consent;
        var service = receipt is { Services.Count: > 0 } ? receipt.Services[0] : null;
        var purpose = service is { Purposes.Count: > 0 } ? service.Purposes[0] : null;
        return new ConsentReceiptView(
            stored.ReceiptId,
            stored.ConsentId,
            stored.Version,
            stored.Seq,
            stored.Jws,
            verification.IsValid,
            verification.Problem,
            record?.Event,
            record?.EventTime,
            record?.Actor,
            record?.Status,
            record?.Grant.Purpose,
            purpose?.Purpose ?? service?.Service,
            record?.Grant.PurposeIri,
            record?.Grant.Category,
            record?.Grant.Granularity,
            record?.Grant.Recipient,
            record?.Grant.OnwardSharing,
            record?.Grant.ValidFrom,
            record?.Grant.ExpiresAt,
            record?.Grant.Retention,
            receipt is { PiiControllers.Count: > 0 } ? receipt.PiiControllers[0].PiiController : null,
            receipt?.PolicyUrl,
            receipt?.PiiPrincipalId,
            receipt?.CollectionMethod,
            receipt?.Jurisdiction,
            record?.LedgerHash);
    }

    private static TimeSpan? Months(int? months, IServiceProvider services)
    {
        if (months is not { } count)
        {
            return null;
        }

        if (count is < 1 or > ConsentPolicy.MaxValidityMonths)
        {
            throw new ArgumentException($"A consent lasts 1 to {ConsentPolicy.MaxValidityMonths} months; {count} is not possible.");
        }

        var now = Now(services);
        return now.AddMonths(count) - now;
    }

    private static DateTimeOffset Now(IServiceProvider services) =>
        (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(PanelEndpoints.LogCategory);

    private static ProblemHttpResult NoReceipt(string receiptId) =>
        TypedResults.Problem($"There is no receipt '{receiptId}' on this gateway.", statusCode: StatusCodes.Status404NotFound, title: "No such receipt");

    private static string SafeName(string id) => new([.. id.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(64)]);
}
