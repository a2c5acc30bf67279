namespace Aizu.Panel;

/// <summary>First-start password, sign-in, sign-out and password change.</summary>
internal static class SessionEndpoints
{
    public const string LoginRateLimit = "aizu-login";

    public static void Map(IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api/session");
        session.MapGet("", GetState);
        session.MapPost("/setup", SetupAsync).AddEndpointFilter<CsrfFilter>().RequireRateLimiting(LoginRateLimit);
        session.MapPost("/login", LoginAsync).AddEndpointFilter<CsrfFilter>().RequireRateLimiting(LoginRateLimit);
        session.MapPost("/logout", (Delegate)LogoutAsync).AddEndpointFilter<CsrfFilter>();
        session.MapPost("/password", ChangePasswordAsync).AddEndpointFilter<CsrfFilter>()
            .RequireAuthorization(PanelPolicies.Household).RequireRateLimiting(LoginRateLimit);
    }

    private static Ok<SessionState> GetState(HttpContext context, PanelCredentialStore credentials, IAntiforgery antiforgery, IOptions<PanelOptions> options)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new SessionState(
            !credentials.IsSetUp,
            context.User.Identity?.IsAuthenticated == true,
            options.Value.Kiosk,
            tokens.RequestToken ?? string.Empty,
            tokens.HeaderName ?? PanelAccess.CsrfHeader));
    }

    private static async Task<Results<NoContent, Conflict<ProblemDetails>, BadRequest<ProblemDetails>, ProblemHttpResult>> SetupAsync(
        PasswordRequest request, HttpContext context, PanelCredentialStore credentials, PanelSetupCode setupCode, PanelSessionStore sessions, ILogger<PanelCredentialStore> logger, CancellationToken cancellationToken)
    {
        if (credentials.IsSetUp)
        {
            return TypedResults.Conflict(Problem("Already set up", "A panel password is already set; sign in with it."));
        }

        if (!await setupCode.MatchesAsync(request.SetupCode, cancellationToken))
        {
            logger.PanelSetupWrongCode(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return TypedResults.Problem(
                "Enter the setup code the gateway shows on its display and prints in its log at start (also in the file panel-setup-code beside its data, readable only by the service account and root).",
                statusCode: StatusCodes.Status403Forbidden, title: "Setup code wrong");
        }

        if (PanelPassword.Problem(request.Password) is { } problem)
        {
            return TypedResults.BadRequest(Problem("Password not accepted", problem));
        }

        bool set;
        try
        {
            set = await credentials.TrySetInitialAsync(request.Password!, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return NotSaved(logger, exception);
        }

        if (!set)
        {
            return TypedResults.Conflict(Problem("Already set up", "A panel password is already set; sign in with it."));
        }

        setupCode.Consume();

        // Sessions from before a password reset (panel-access.json deleted) end with the new password.
        await sessions.RemoveAllExceptAsync(keep: null);
        logger.PanelPasswordSet();
        await SignInAsync(context);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult, Conflict<ProblemDetails>>> LoginAsync(
        PasswordRequest request, HttpContext context, PanelCredentialStore credentials, ILogger<PanelCredentialStore> logger, CancellationToken cancellationToken)
    {
        if (!credentials.IsSetUp)
        {
            return TypedResults.Conflict(Problem("Not set up", "No panel password is set yet; set one first."));
        }

        if (string.IsNullOrEmpty(request.Password) || !await credentials.VerifyAsync(request.Password, cancellationToken))
        {
            logger.PanelLoginFailed(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return TypedResults.Unauthorized();
        }

        await SignInAsync(context);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult, BadRequest<ProblemDetails>, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest request, HttpContext context, PanelCredentialStore credentials, PanelSessionStore sessions, ILogger<PanelCredentialStore> logger, CancellationToken cancellationToken)
    {
        if (PanelPassword.Problem(request.Password) is { } problem)
        {
            return TypedResults.BadRequest(Problem("Password not accepted", problem));
        }

        bool changed;
        try
        {
            changed = await credentials.ChangeAsync(request.Current ?? string.Empty, request.Password!, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return NotSaved(logger, exception);
        }

        if (!changed)
        {
            return TypedResults.Unauthorized();
        }

        // Whoever knew the old password (or copied a cookie) is signed out everywhere but here.
        await sessions.RemoveAllExceptAsync(PanelSessionStore.KeyOf(context.User));
        return TypedResults.NoContent();
    }

    private static Task SignInAsync(HttpContext context)
    {
        // One household, one identity: the claim only says "signed in here". A browser-session cookie (no
        // Expires): closing the browser signs out, and the ticket inside still expires after SessionLifetime.
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "household")], CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    // The credential file is written atomically, so a full card or a read-only file system leaves the previous
    // state (no password yet, or the old one): say so, and let the household try again once there is room.
    private static ProblemHttpResult NotSaved(ILogger logger, Exception exception)
    {
        logger.PanelPasswordNotSaved(exception.Message);
        return TypedResults.Problem(
            $"The gateway could not save the password ({exception.Message}); nothing was changed. Free space on its storage card and try again.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Password not saved");
    }

    private static ProblemDetails Problem(string title, string detail) => new() { Title = title, Detail = detail };
}
