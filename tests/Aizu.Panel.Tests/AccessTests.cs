namespace Aizu.Panel.Tests;

/// <summary>First-start password, sessions, anti-forgery, the login rate limit and kiosk mode, over real HTTP.</summary>
public sealed class AccessTests
{
    [Fact]
    public async Task FirstStart_AsksForAPassword_AndShowsNothingUntilThen()
    {
        await using var host = await PanelHost.StartAsync(signIn: false);

        var session = await host.Client.GetFromJsonAsync<SessionState>("/api/session");
        Assert.True(session!.SetupRequired);
        Assert.False(session.Authenticated);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/today")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/live/recent")).StatusCode);

        // The page itself and the health probe answer, so the browser can show the first-start form.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/")).StatusCode);
        Assert.Equal("ok", await host.Client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Setup_RejectsShortPasswords_AndChangesWithoutTheToken()
    {
        await using var host = await PanelHost.StartAsync(signIn: false);

        using (var noToken = await host.Client.PostAsJsonAsync("/api/session/setup", new PasswordRequest("long enough password")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
            Assert.Contains("anti-forgery", await noToken.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        host.SetCsrf((await host.Client.GetFromJsonAsync<SessionState>("/api/session"))!);
        using (var tooShort = await host.Client.PostAsJsonAsync("/api/session/setup", new PasswordRequest("short", await host.SetupCodeAsync())))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
            Assert.Contains("at least 8", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True((await host.Client.GetFromJsonAsync<SessionState>("/api/session"))!.SetupRequired);
    }

    [Fact]
    public async Task Setup_SignsIn_OnlyOnce_AndStoresAHashWithOwnerOnlyPermissions()
    {
        await using var host = await PanelHost.StartAsync(signIn: false);
        await host.SignInAsync("a household password");

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/today")).StatusCode);
        using (var again = await host.Client.PostAsJsonAsync("/api/session/setup", new PasswordRequest("another password")))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var file = Path.Combine(Path.GetDirectoryName(host.Store.DatabasePath)!, "panel-access.json");
        string stored = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("a household password", stored, StringComparison.Ordinal);
        Assert.Contains("pbkdf2-sha256$600000$", stored, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Setup_WithoutTheDevicesSetupCode_IsForbidden_AndTheFirstVisitorOwnsNothing()
    {
        await using var host = await PanelHost.StartAsync(signIn: false);
        host.SetCsrf((await host.Client.GetFromJsonAsync<SessionState>("/api/session"))!);
        string code = (await host.SetupCodeAsync())!;
        string wrong = code[0] == '7' ? "8" + code[1..] : "7" + code[1..];

        foreach (var attempt in new[] { new PasswordRequest("a visitor's password"), new PasswordRequest("a visitor's password", wrong), new PasswordRequest("a visitor's password", "") })
        {
            using var refused = await host.Client.PostAsJsonAsync("/api/session/setup", attempt);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("setup code", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        var session = (await host.Client.GetFromJsonAsync<SessionState>("/api/session"))!;
        Assert.True(session.SetupRequired);
        Assert.False(session.Authenticated);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/today")).StatusCode);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(host.Store.DatabasePath)!, "panel-access.json")));
    }

    [Fact]
    public async Task SetupCode_IsKeptOwnerOnly_TypedLoosely_AndGoneOnceTheHouseholdClaimsThePanel()
    {
        await using var host = await PanelHost.StartAsync(signIn: false);
        string code = (await host.SetupCodeAsync())!;
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", code);
        Assert.Equal(code, await host.SetupCodeAsync());
        var file = Path.Combine(Path.GetDirectoryName(host.Store.DatabasePath)!, "panel-setup-code");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        // Read off a display and typed on a phone: lower case, no dash, spaces.
        string typed = " " + code.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + " ";
        host.SetCsrf((await host.Client.GetFromJsonAsync<SessionState>("/api/session"))!);
        using (var claimed = await host.Client.PostAsJsonAsync("/api/session/setup", new PasswordRequest("a household password", typed)))
        {
            Assert.Equal(HttpStatusCode.NoContent, claimed.StatusCode);
        }

        Assert.False(File.Exists(file));
        Assert.Null(await host.SetupCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/today")).StatusCode);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteStrict()
    {
        await using var host = await PanelHost.StartAsync(signIn: false);
        host.SetCsrf((await host.Client.GetFromJsonAsync<SessionState>("/api/session"))!);

        using var response = await host.Client.PostAsJsonAsync("/api/session/setup", new PasswordRequest("a household password", await host.SetupCodeAsync()));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("aizu.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WrongPasswordIsRefused_AndRepeatedGuessesAreRateLimited()
    {
        await using var host = await PanelHost.StartAsync();
        using var other = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }, disposeHandler: true) { BaseAddress = host.Client.BaseAddress };
        var session = (await other.GetFromJsonAsync<SessionState>("/api/session"))!;
        other.DefaultRequestHeaders.Add(session.CsrfHeader, session.CsrfToken);

        var statuses = new List<HttpStatusCode>();
        for (int attempt = 0; attempt < 7; attempt++)
        {
            using var response = await other.PostAsJsonAsync("/api/session/login", new PasswordRequest($"guess number {attempt}"));
            statuses.Add(response.StatusCode);
        }

        // The host's own setup used one permit of this client address's five per minute.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/today")).StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        await using var host = await PanelHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/today")).StatusCode);

        using var response = await host.Client.PostAsync("/api/session/logout", content: null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/today")).StatusCode);
    }

    [Fact]
    public async Task CopiedCookie_IsRefused_OnceThatSessionSignsOut()
    {
        await using var host = await PanelHost.StartAsync();
        var (browser, cookies) = NewBrowser(host);
        using (browser)
        {
            await PanelSignIn.SignInAsync(browser, PanelHost.Password);
            using var thief = CopyOf(host, cookies);
            Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/today")).StatusCode);

            using (var logout = await browser.PostAsync("/api/session/logout", content: null))
            {
                Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/today")).StatusCode);
        }

        // Other sessions are not touched by one browser signing out.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/today")).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_EndsEveryOtherSession_AndKeepsTheOneThatChangedIt()
    {
        await using var host = await PanelHost.StartAsync();
        var (other, cookies) = NewBrowser(host);
        using (other)
        {
            await PanelSignIn.SignInAsync(other, PanelHost.Password);
            using var copy = CopyOf(host, cookies);
            Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/today")).StatusCode);

            using (var change = await host.Client.PostAsJsonAsync("/api/session/password", new PasswordChangeRequest(PanelHost.Password, "a brand new password")))
            {
                Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/today")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/today")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/today")).StatusCode);
        }
    }

    [Fact]
    public async Task SessionCookie_CarriesOnlyAKey_TheSessionIsKeptOwnerOnlyOnTheGateway()
    {
        await using var host = await PanelHost.StartAsync();
        var file = Path.Combine(Path.GetDirectoryName(host.Store.DatabasePath)!, "panel-sessions.json");

        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.Single(System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.EnumerateObject());
    }

    private static (HttpClient Client, CookieContainer Cookies) NewBrowser(PanelHost host)
    {
        var cookies = new CookieContainer();
        return (new HttpClient(new HttpClientHandler { CookieContainer = cookies }, disposeHandler: true) { BaseAddress = host.Client.BaseAddress }, cookies);
    }

    /// <summary>Another device that replays the session cookie copied from <paramref name="cookies"/>.</summary>
    private static HttpClient CopyOf(PanelHost host, CookieContainer cookies)
    {
        var session = cookies.GetCookies(host.Client.BaseAddress!)["aizu.session"] ?? throw new InvalidOperationException("no session cookie");
        var copy = new HttpClient(new HttpClientHandler { UseCookies = false }, disposeHandler: true) { BaseAddress = host.Client.BaseAddress };
        copy.DefaultRequestHeaders.Add("Cookie", $"aizu.session={session.Value}");
        return copy;
    }

    [Fact]
    public async Task PasswordChange_NeedsTheCurrentPassword()
    {
        await using var host = await PanelHost.StartAsync();

        using (var wrong = await host.Client.PostAsJsonAsync("/api/session/password", new PasswordChangeRequest("not it at all", "a brand new password")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var right = await host.Client.PostAsJsonAsync("/api/session/password", new PasswordChangeRequest(PanelHost.Password, "a brand new password")))
        {
            Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        }

        await host.Client.PostAsync("/api/session/logout", content: null);
        await host.SignInAsync("a brand new password");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/today")).StatusCode);
    }

    [Fact]
    public async Task Kiosk_ShowsTheScreensWithoutSignIn_ButNotTheHouseholdsControls()
    {
        await using var host = await PanelHost.StartAsync(settings: new Dictionary<string, string?> { ["Aizu:Panel:Kiosk"] = "true" });
        using var tablet = new HttpClient { BaseAddress = host.Client.BaseAddress };
        var session = (await tablet.GetFromJsonAsync<SessionState>("/api/session"))!;
        tablet.DefaultRequestHeaders.Add(session.CsrfHeader, session.CsrfToken);

        Assert.True(session.Kiosk);
        Assert.False(session.Authenticated);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/api/today")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/api/history?span=week")).StatusCode);
        using var change = await tablet.PostAsJsonAsync("/api/session/password", new PasswordChangeRequest(PanelHost.Password, "kiosk takeover attempt"));
        Assert.Equal(HttpStatusCode.Unauthorized, change.StatusCode);
    }
}
