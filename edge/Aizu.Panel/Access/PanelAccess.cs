namespace Aizu.Panel;

/// <summary>Sessions, anti-forgery, login rate limit and the two access policies of the panel.</summary>
internal static class PanelAccess
{
    public const string CsrfHeader = "X-Aizu-CSRF";
    public const string SessionCookie = "aizu.session";

    /// <summary>The folder beside the store holding the cookie and anti-forgery keys.</summary>
    public const string KeysFolder = "panel-keys";

    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(_ => RandomNumberGenerator.Create());
        services.TryAddSingleton<PanelCredentialStore>();
        services.TryAddSingleton<PanelSessionStore>();
        services.TryAddSingleton<PanelSetupCode>();
        services.TryAddSingleton(sp => new PanelClaim(sp.GetRequiredService<PanelCredentialStore>(), sp.GetRequiredService<PanelSetupCode>()));

        // Cookie and anti-forgery keys live with the household's data, so sessions survive a restart
        // and erasing the data folder forgets them too.
        services.AddDataProtection().SetApplicationName("Aizu");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, loggers) =>
                keys.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(PanelCredentialStore.DataDirectory(storage.Value), KeysFolder)), loggers));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<PanelOptions>, PanelSessionStore>((cookie, panel, sessions) =>
            {
                // Server-side sessions: sign-out and a password change end them for every copy of the cookie.
                cookie.SessionStore = sessions;
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;

                // The panel is plain HTTP on a home LAN unless the installer puts TLS in front; Secure follows the request.
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = panel.Value.SessionLifetime;
                cookie.SlidingExpiration = true;

                // An API answers 401/403; it never redirects to a login page.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

        services.AddSingleton<UnreadableFormLog>();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = CsrfHeader;
            options.Cookie.Name = "aizu.csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(PanelPolicies.Household, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(PanelPolicies.Viewer, policy => policy.RequireAssertion(IsViewer));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };

            // Per client address: a guesser on the LAN is slowed to a few tries a minute, the household is not locked out.
            limiter.AddPolicy(SessionEndpoints.LoginRateLimit, context =>
            {
                var panel = context.RequestServices.GetRequiredService<IOptions<PanelOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = panel.LoginAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
        });
    }

    private static bool IsViewer(AuthorizationHandlerContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        return context.Resource is HttpContext http
            && http.RequestServices.GetRequiredService<IOptions<PanelOptions>>().Value.Kiosk;
    }
}
