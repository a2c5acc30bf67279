using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Aizu.Gateway.Tests.EndToEnd;

/// <summary>An HTTP client signed in to a gateway's panel the way the page does it: session, anti-forgery token, cookie.</summary>
internal static class PanelClient
{
    public const string Password = "aizu test password";

    /// <summary>Sets the first-start password (or signs in when it is set) and returns a client that carries the session.</summary>
    public static async Task<HttpClient> SignInAsync(Uri panel, string password = Password)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = panel, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var session = await http.GetFromJsonAsync<JsonElement>("/api/session");
            string header = session.GetProperty("csrfHeader").GetString()!;
            http.DefaultRequestHeaders.Add(header, session.GetProperty("csrfToken").GetString());
            string path = session.GetProperty("setupRequired").GetBoolean() ? "/api/session/setup" : "/api/session/login";
            using var response = await http.PostAsJsonAsync(path, new { password });
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

            // The anti-forgery token is bound to who is signed in, so take the new one.
            var signedIn = await http.GetFromJsonAsync<JsonElement>("/api/session");
            Assert.True(signedIn.GetProperty("authenticated").GetBoolean());
            http.DefaultRequestHeaders.Remove(header);
            http.DefaultRequestHeaders.Add(header, signedIn.GetProperty("csrfToken").GetString());
            return http;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }
}
