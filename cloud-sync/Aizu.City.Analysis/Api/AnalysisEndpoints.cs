namespace Aizu.City.Analysis;

/// <summary>
/// The analyst API and page. Every <c>/api</c> call needs <c>Authorization: Bearer {token}</c> (401 without a known
/// token) and sees only the analyst's purposes (403 otherwise, with nothing of the purpose). Tables go through the
/// release rules and the differencing guard, and every answer or refusal is audited first.
/// </summary>
public static class AnalysisEndpoints
{
    /// <summary>What every table says about withdrawals.</summary>
    public const string WithdrawalNote = "Households that withdrew are in no later release; earlier releases stay published.";

    /// <summary>Maps the API and the page.</summary>
    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/me", Me);
        endpoints.MapGet("/api/statistics", Statistics);
        endpoints.MapGet("/api/published", Published);
        endpoints.MapGet("/api/budget", Budget);
        endpoints.MapGet("/{file?}", (string? file, AnalysisPage page) =>
        {
            var path = "/" + (string.IsNullOrEmpty(file) ? "index.html" : file);
            return page.Files.TryGetValue(path, out var content) ? Results.Bytes(content, AnalysisPage.ContentType(path)) : Results.NotFound();
        });
        return endpoints;
    }

    private static async Task<Analyst?> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length <= 7)
        {
            return null;
        }

        return await context.RequestServices.GetRequiredService<AnalystDirectory>().FindAsync(header[7..].Trim(), context.RequestAborted);
    }

    // The token, the query string and the purpose: a failure is the response to give (a foreign purpose is audited).
    private static async Task<(Analyst Analyst, StatisticsRequest Request, IResult? Failure)> AdmitAsync(HttpContext context, AnalysisOptions options, QueryAudit audit, ILogger logger, bool published)
    {
        if (await AuthenticateAsync(context) is not { } analyst)
        {
            return (null!, null!, Unauthorized());
        }

        var (request, error) = StatisticsRequest.Parse(context.Request.Query, options.UtcOffset, published);
        if (request is null)
        {
            return (analyst, null!, Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest));
        }

        if (!analyst.Purposes.Contains(request.Purpose))
        {
            const string Reason = "not registered for this purpose";
            var refusedAt = await audit.RefusedAsync(analyst.Id, request.Purpose, request.Text, Reason, context.RequestAborted);
            logger.Refused(analyst.Name, request.Purpose, request.Text, Reason, refusedAt);
            return (analyst, request, Results.Json(new { error = $"you are not registered for purpose {request.Purpose}" }, statusCode: StatusCodes.Status403Forbidden));
        }

        return (analyst, request, null);
    }

    private static IResult Unauthorized() =>
        Results.Json(new { error = "a valid analyst token is required (Authorization: Bearer …)" }, statusCode: StatusCodes.Status401Unauthorized);

    private static async Task<IResult> Me(HttpContext context, PurposeRulesStore rules, PrivacyLedger ledger)
    {
        if (await AuthenticateAsync(context) is not { } analyst)
        {
            return Unauthorized();
        }

        var purposes = new List<object>();
        foreach (var purpose in analyst.Purposes.Order(StringComparer.Ordinal))
        {
            var rule = await rules.GetAsync(purpose, context.RequestAborted);
            purposes.Add(new { purpose, minHouseholds = rule.Rules.MinHouseholds, maxShare = rule.Rules.MaxShare, epsilonBudget = rule.EpsilonBudget, clipWh = rule.ClipWh });
        }

        return Results.Json(new { name = analyst.Name, purposes, note = WithdrawalNote });
    }

    private static async Task<IResult> Statistics(HttpContext context, IOptions<AnalysisOptions> options, PurposeRulesStore rules, WindowReader reader, DistrictCellReader districts, QueryAudit audit, AnalystLocks locks, TimeProvider time, ILogger<AnalysisPage> logger)
    {
        var timing = new ServerTiming(time);
        var (analyst, request, failure) = await AdmitAsync(context, options.Value, audit, logger, published: false);
        if (failure is not null)
        {
            return failure;
        }

        var cancellationToken = context.RequestAborted;

        // One query of an analyst at a time: the next one's rules start from what this one gave.
        using var hold = await locks.HoldAsync(analyst.Id, cancellationToken);
        var rule = await rules.GetAsync(request.Purpose, cancellationToken);
        var earlier = await audit.EarlierAsync(analyst.Id, request.Purpose, cancellationToken);
        timing.End("admit");
        var summed = await districts.ReadAsync(request.Purpose, request.Query, cancellationToken);

        // The windows themselves only where the summaries are not enough: a household that moved district in the
        // range, or ranges this analyst was given before that the differencing guard must cut.
        IReadOnlyList<HouseholdWindow>? windows = summed is null ? await reader.ReadAsync(request.Purpose, request.Query, cancellationToken) : null;
        timing.End("cells");
        var table = windows is null ? StatisticsRelease.Build(request.Query, rule.Rules, summed!, earlier) : StatisticsRelease.Build(request.Query, rule.Rules, windows, earlier);
        timing.End("rules");
        var given = earlier.Where(e => e.Value.Status == CellStatus.Released).Select(e => e.Key).ToList();
        var refusal = table.Refusal;
        if (refusal is null && DifferencingGuard.Needed(table, given))
        {
            windows ??= await reader.ReadAsync(request.Purpose, request.Query, cancellationToken);
            refusal = DifferencingGuard.Check(table, windows, given);
        }

        timing.End("guard");
        if (refusal is not null)
        {
            var refusedAt = await audit.RefusedAsync(analyst.Id, request.Purpose, request.Text, refusal, cancellationToken);
            logger.Refused(analyst.Name, request.Purpose, request.Text, refusal, refusedAt);
            return Results.Json(new { refused = refusal, audit = refusedAt }, statusCode: StatusCodes.Status409Conflict);
        }

        // The provenance digests are computed while the audit entry is written; the response waits for its commit.
        ProvenanceDigests? digests = null;
        var (seq, snapshots) = await audit.ReleasedAsync(analyst.Id, request.Purpose, request.Text, table, earlier, cancellationToken, request.Format == "csv" ? null
            : (entry, consentSnapshots) => Task.Run(() => digests = ProvenanceDigests.Compute(entry, table.Cells, consentSnapshots, cancellationToken), cancellationToken));
        using var provenance = digests;
        var released = table.Cells.Count(c => c.Status == CellStatus.Released);
        logger.Released(analyst.Name, request.Purpose, request.Text, released, table.Cells.Count - released, seq);
        timing.End("audit");
        if (request.Format == "csv")
        {
            var csv = StatisticsResponse.Csv(seq, table, snapshots);
            timing.End("csv");
            context.Response.Headers[ServerTiming.HeaderName] = timing.Header();
            return Results.Text(csv, "text/csv; charset=utf-8");
        }

        // Everything but writing the body itself, which the client sees as the rest of the request.
        context.Response.Headers[ServerTiming.HeaderName] = timing.Header();
        context.Response.ContentType = "application/json; charset=utf-8";
        await StatisticsResponse.WriteJsonAsync(context.Response.BodyWriter, request, rule.Rules, seq, table, provenance!, cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> Published(HttpContext context, IOptions<AnalysisOptions> options, PurposeRulesStore rules, WindowReader reader, QueryAudit audit, PrivacyLedger ledger, IRandomSource random, ILogger<AnalysisPage> logger)
    {
        var (analyst, request, failure) = await AdmitAsync(context, options.Value, audit, logger, published: true);
        if (failure is not null)
        {
            return failure;
        }

        var cancellationToken = context.RequestAborted;

        var rule = await rules.GetAsync(request.Purpose, cancellationToken);
        var epsilon = request.Epsilon!.Value;
        var (budget, refusal) = await ledger.SpendAsync(request.Purpose, request.Series, rule.EpsilonBudget, epsilon, analyst.Id, cancellationToken);
        var budgetView = new { total = budget.Total, spent = budget.Spent, remaining = budget.Remaining };
        if (refusal is not null)
        {
            var refusedAt = await audit.RefusedAsync(analyst.Id, request.Purpose, request.Text, refusal, cancellationToken);
            logger.Refused(analyst.Name, request.Purpose, request.Text, refusal, refusedAt);
            return Results.Json(new { refused = refusal, audit = refusedAt, budget = budgetView }, statusCode: StatusCodes.Status409Conflict);
        }

        var windows = await reader.ReadAsync(request.Purpose, request.Query, cancellationToken);
        var table = NoisyRelease.Build(request.Query, windows, rule.ClipWh, epsilon, new DiscreteLaplace(random));
        var seq = await audit.PublishedAsync(analyst.Id, request.Purpose, request.Text, table, cancellationToken);
        logger.Published(analyst.Name, request.Purpose, request.Series, epsilon, budget.Remaining, seq);
        var cells = table.Cells.Select(c => new { area = c.Key.Area, period = c.Period, energyWh = c.EnergyWh, households = c.Households }).ToList();
        if (request.Format == "csv")
        {
            var csv = new StringBuilder("area,period,energy_wh,households\n");
            cells.ForEach(c => csv.Append(CultureInfo.InvariantCulture, $"{c.area},{c.period},{c.energyWh},{c.households}\n"));
            return Results.Text(csv.ToString(), "text/csv; charset=utf-8");
        }

        return Results.Json(new
        {
            purpose = request.Purpose,
            series = request.Series,
            epsilon,
            delta = 0,
            clipWh = table.ClipWh,
            energyNoiseScale = table.EnergyScale,
            countNoiseScale = table.CountScale,
            mechanism = "discrete Laplace on clipped per-household sums and on counts, ε split evenly",
            budget = budgetView,
            audit = seq,
            note = WithdrawalNote,
            cells,
        });
    }

    private static async Task<IResult> Budget(HttpContext context, PurposeRulesStore rules, PrivacyLedger ledger)
    {
        if (await AuthenticateAsync(context) is not { } analyst)
        {
            return Unauthorized();
        }

        var purpose = context.Request.Query["purpose"].ToString();
        var series = context.Request.Query["series"].ToString();
        if (!analyst.Purposes.Contains(purpose))
        {
            return Results.Json(new { error = $"you are not registered for purpose {purpose}" }, statusCode: StatusCodes.Status403Forbidden);
        }

        var rule = await rules.GetAsync(purpose, context.RequestAborted);
        var budget = await ledger.BudgetAsync(purpose, series, rule.EpsilonBudget, context.RequestAborted);
        return Results.Json(new { purpose, series, total = budget.Total, spent = budget.Spent, remaining = budget.Remaining, clipWh = rule.ClipWh });
    }

    internal static string? RuleName(SuppressionRule rule) => rule switch
    {
        SuppressionRule.None => null,
        SuppressionRule.MinHouseholds => "min-households",
        SuppressionRule.Dominance => "dominance",
        SuppressionRule.Secondary => "secondary",
        SuppressionRule.EarlierSuppressed => "earlier-suppressed",
        _ => "changed",
    };
}
