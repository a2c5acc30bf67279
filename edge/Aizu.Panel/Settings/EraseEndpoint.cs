namespace Aizu.Panel;

/// <summary>
/// <c>POST /api/erase</c> with <c>{"password": "..."}</c>: erases the meter and sensor readings and their
/// rollups. Refused (409) while a consent is still given, and (403) without the right password.
/// </summary>
/// <remarks>
/// Kept on purpose, and said so in the answer: the consent ledger and receipts and the egress log are the
/// household's proof of what it allowed and what left the home; the panel password; the InfluxDB mirror's
/// copy (a separate database the household runs; the gateway does not delete there).
/// </remarks>
internal static class EraseEndpoint
{
    private static readonly string[] Kept = ["consentLedger", "consentReceipts", "egressLog", "panelPassword", "influxMirrorCopy"];

    public static async Task<Results<Ok<EraseResponse>, ProblemHttpResult>> HandleAsync(
        EraseRequest request,
        HttpContext context,
        IReadingEraser store,
        PanelCredentialStore credentials,
        PanelClock clock,
        IServiceProvider services,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(PanelEndpoints.LogCategory);
        if (string.IsNullOrEmpty(request?.Password) || !await credentials.VerifyAsync(request.Password, cancellationToken))
        {
            logger.PanelEraseWrongPassword(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return TypedResults.Problem("The password is not correct; nothing was erased.", statusCode: StatusCodes.Status403Forbidden, title: "Wrong password");
        }

        var now = clock.UtcNow;
        var active = await CountActiveConsentsAsync(services, now, cancellationToken);
        if (active > 0)
        {
            return TypedResults.Problem(
                $"{active} consent(s) are still given: withdraw them on the consent screen first, so nothing derived from these readings is sent afterwards. Nothing was erased.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Consents still given");
        }

        var result = await store.EraseReadingsAsync(cancellationToken);
        logger.PanelReadingsErased(result.Readings, result.Series);
        return TypedResults.Ok(new EraseResponse(now, result.Series, result.Readings, Kept));
    }

    /// <summary>Consents given and in force now; null when this gateway has no consent service.</summary>
    public static async Task<int?> CountActiveConsentsAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (services.GetService<IConsentRegistry>() is not { } registry)
        {
            return null;
        }

        var grants = await registry.GetGrantsAsync(cancellationToken);
        return grants.Count(g => g.IsActiveAt(now));
    }
}
