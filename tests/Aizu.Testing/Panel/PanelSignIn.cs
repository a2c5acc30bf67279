namespace Aizu.Testing;

/// <summary>
/// Signs an HTTP client in to a gateway's panel the way the page does: the session for its
/// anti-forgery token, then the first-start password (or a sign-in when one is set), keeping the cookie.
/// </summary>
public static class PanelSignIn
{
    /// <summary>The password tests give a panel unless they test passwords.</summary>
    public const string Password = "aizu test password";

    /// <summary>A client for <paramref name="panel"/> that keeps cookies, as a browser does.</summary>
    public static HttpClient NewClient(Uri panel) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = panel,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>
    /// Sets the first-start password with the gateway's <paramref name="setupCode"/> (or signs in when a password
    /// is set) and returns a client that carries the session.
    /// </summary>
    public static async Task<HttpClient> SignInAsync(Uri panel, string password = Password, string? setupCode = null)
    {
        var http = NewClient(panel);
        try
        {
            await SignInAsync(http, password, setupCode);
            return http;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>Signs <paramref name="http"/> (which must keep cookies) in with <paramref name="password"/>.</summary>
    public static async Task SignInAsync(HttpClient http, string password = Password, string? setupCode = null)
    {
        var session = await UseAntiForgeryTokenAsync(http);
        bool setup = session.GetProperty("setupRequired").GetBoolean();
        if (setup && setupCode is null)
        {
            throw new InvalidOperationException("The panel is unclaimed and no setup code was given.");
        }

        string path = setup ? "/api/session/setup" : "/api/session/login";
        using var response = await http.PostAsJsonAsync(path, new { password, setupCode });
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        // The anti-forgery token is bound to who is signed in, so take the new one.
        var signedIn = await UseAntiForgeryTokenAsync(http);
        if (!signedIn.GetProperty("authenticated").GetBoolean())
        {
            throw new HttpRequestException($"{path} succeeded but /api/session says not signed in: {signedIn}");
        }
    }

    /// <summary>Reads the session and sends its anti-forgery token with every later request; returns the session.</summary>
    public static async Task<JsonElement> UseAntiForgeryTokenAsync(HttpClient http)
    {
        var session = await http.GetFromJsonAsync<JsonElement>("/api/session");
        string header = session.GetProperty("csrfHeader").GetString()!;
        http.DefaultRequestHeaders.Remove(header);
        http.DefaultRequestHeaders.Add(header, session.GetProperty("csrfToken").GetString());
        return session;
    }
}
