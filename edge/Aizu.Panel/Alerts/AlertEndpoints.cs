namespace Aizu.Panel;

/// <summary>
/// The panel's alert API: <c>GET /api/alerts</c> (current alerts for this household, with the takeover and
/// TEST flags, and the history) and <c>POST /api/alerts/{id}/ack</c> (the "確認しました / I'm safe" button).
/// Works whether or not the alert component is configured: without it the list is empty and
/// <c>enabled</c> is false. <c>GET /api/alerts?lang=en</c> gives each alert's texts in that language when the
/// city provided it.
/// </summary>
public static class AlertEndpoints
{
    /// <summary>
    /// Maps the alert API and returns its route group, so the host can add authorisation and the
    /// anti-forgery filter (the acknowledgement is a change). <c>{id}</c> is the CAP identifier or the
    /// panel id (<c>sender/identifier</c>, URL-encoded).
    /// </summary>
    public static RouteGroupBuilder MapAlertApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/alerts");
        group.MapGet("", List).WithName("AlertList");
        group.MapPost("/{id}/ack", AcknowledgeAsync).WithName("AlertAcknowledge");
        return group;
    }

    // ?lang=en asks for the texts in the panel's language when the city wrote that language (the household's
    // order otherwise). Only a plain language tag is taken; anything else is ignored.
    private static Ok<AlertListResponse> List(IServiceProvider services, string? lang)
    {
        var notice = new AlertNotice(SupplementaryNotice.Japanese, SupplementaryNotice.English);
        if (services.GetService<AlertBoard>() is not { } board)
        {
            return TypedResults.Ok(new AlertListResponse(false, notice, [], []));
        }

        IReadOnlyList<string>? languages = IsLanguageTag(lang) ? [lang!] : null;
        var acknowledger = services.GetService<AlertAcknowledger>();
        var current = board.GetCurrent(languages).Select(v => Item(v, acknowledger)).ToList();
        var history = board.GetHistory(languages).Select(p => new PastAlertItem(Item(p.View, acknowledger), p.Reason.ToString(), p.Ended)).ToList();
        return TypedResults.Ok(new AlertListResponse(true, notice, current, history));
    }

    private static async Task<Results<Ok<AlertAckItem>, ProblemHttpResult>> AcknowledgeAsync(string id, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<AlertAcknowledger>() is not { } acknowledger)
        {
            return TypedResults.Problem("City alerts are not configured on this gateway.", statusCode: StatusCodes.Status404NotFound, title: "No alerts");
        }

        var result = await acknowledger.AcknowledgeAsync(Uri.UnescapeDataString(id), cancellationToken);
        return result is null
            ? TypedResults.Problem($"No current alert '{id}' is shown on this gateway; it may have ended.", statusCode: StatusCodes.Status404NotFound, title: "No such alert")
            : TypedResults.Ok(Ack(result));
    }

    private static bool IsLanguageTag(string? tag) =>
        tag is { Length: > 0 and <= 35 } && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static AlertAckItem Ack(AcknowledgementResult result) => new(
        result.Acknowledgement.AcknowledgedAt,
        result.Dispatch.Forwarding.ToString(),
        result.Dispatch.Forwarding is AcknowledgementForwarding.Queued or AcknowledgementForwarding.AlreadyQueued,
        result.Dispatch.ConsentReferences,
        result.Dispatch.Detail);

    private static AlertItem Item(AlertView view, AlertAcknowledger? acknowledger) => new(
        view.Id,
        view.Identifier,
        view.Sender,
        view.SenderName,
        view.MessageType.ToString(),
        view.Status.ToString(),
        view.IsTest,
        view.TestBanner,
        view.Level,
        view.Colour.ToString(),
        view.ColourHex,
        view.Takeover,
        view.Audible,
        view.JAlertType,
        view.Language,
        view.AvailableLanguages,
        view.Event,
        view.Headline,
        view.Description,
        view.Instruction,
        view.AreaDescription,
        view.AreaMatch.ToString(),
        view.Issued,
        view.Expires,
        view.Web,
        view.Severity.ToString(),
        view.Urgency.ToString(),
        view.Certainty.ToString(),
        view.Categories.Select(c => c.ToString()).ToList(),
        acknowledger?.Find(view.Id) is { } found ? Ack(found) : null);
}
