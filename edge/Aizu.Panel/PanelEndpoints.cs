namespace Aizu.Panel;

/// <summary>Maps the local web panel: the page and the endpoints it reads.</summary>
public static class PanelEndpoints
{
    // Everything the page needs is served by the gateway itself; the policy makes the browser refuse
    // anything else, so a stray external reference fails visibly during development, not at a customer's.
    internal const string LogCategory = "Aizu.Panel";

    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Maps <c>GET /</c> (and the page's other files), <c>GET /api/live</c> (server-sent events),
    /// <c>GET /api/live/recent</c>, <c>GET /api/today</c> and <c>GET /api/status</c>, the session endpoints and the access middleware. Requires <c>AddAizuPanel</c>, <c>AddAizuIngest</c> and <c>AddAizuStorage</c>.
    /// </summary>
    public static WebApplication MapPanel(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = app.Services.GetService<PanelAssets>()
            ?? throw new InvalidOperationException("Call services.AddAizuPanel(...) before app.MapPanel().");

        foreach (var asset in assets.All)
        {
            // Lambdas written at the call, so the request delegate generator compiles them (Native AOT).
            app.MapGet(asset.RequestPath, (HttpContext context) => Serve(context, asset));
            if (asset.RequestPath == "/index.html")
            {
                app.MapGet("/", (HttpContext context) => Serve(context, asset));
            }
        }

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        SessionEndpoints.Map(app);

        // A health probe for installers and supervisors: says only that the gateway answers.
        app.MapGet("/healthz", () => TypedResults.Text("ok"));

        // Open like the probe: it carries no consumption, and "the store is broken" must show even when
        // signing in cannot work because the data folder is what is broken.
        app.MapGet("/api/status", StatusEndpoint.HandleAsync);

        var viewer = app.MapGroup("/api").RequireAuthorization(PanelPolicies.Viewer).AddEndpointFilter(StoreUnavailableFilter.Readings);
        viewer.MapGet("/live", LiveEndpoint.Handle);
        viewer.MapGet("/live/recent", RecentPowerEndpoint.HandleAsync);
        viewer.MapGet("/today", TodayEndpoint.HandleAsync);
        viewer.MapGet("/history", HistoryEndpoint.HandleAsync);
        viewer.MapClimate();
        viewer.MapGet("/today/cost", CostEndpoint.HandleAsync);

        // Alerts are for whoever stands at the panel, kiosk included: "I'm safe" must not wait for a password.
        app.MapAlertApi().RequireAuthorization(PanelPolicies.Viewer).AddEndpointFilter<CsrfFilter>();

        // Consent decisions and what left the home are the household's own: signed in, never kiosk.
        app.MapConsentApi().RequireAuthorization(PanelPolicies.Household).AddEndpointFilter<CsrfFilter>();
        app.MapEgressApi().RequireAuthorization(PanelPolicies.Household);
        app.MapGroup("/api").RequireAuthorization(PanelPolicies.Household).AddEndpointFilter(StoreUnavailableFilter.Readings).MapSettingsApi();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        logger.PanelMapped(assets.All.Count);
        return app;
    }

    private static FileContentHttpResult Serve(HttpContext context, PanelAsset asset)
    {
        var headers = context.Response.Headers;

        // Revalidate every time (cheap with the ETag) so a gateway update shows at once.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }
}
