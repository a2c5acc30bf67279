using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Aizu.Panel.Tests;

public sealed class AssetTests
{
    [Fact]
    public async Task The_root_serves_the_embedded_page_uncached_with_a_same_origin_policy()
    {
        await using var host = await PanelHost.StartAsync();

        using var response = await host.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        foreach (var id in new[] { "live-power", "live-updated", "today-import", "link-status", "lang-toggle" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/index.html", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task Each_file_has_its_content_type(string path, string mediaType)
    {
        await using var host = await PanelHost.StartAsync();

        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task An_unchanged_file_revalidates_with_304()
    {
        await using var host = await PanelHost.StartAsync();
        using var first = await host.Client.GetAsync("/app.js");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/app.js");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public void The_page_is_made_of_embedded_files_that_reference_nothing_outside_the_gateway()
    {
        var assets = new PanelAssets().All;

        Assert.Equal(["/app.css", "/app.js", "/index.html"], assets.Select(a => a.RequestPath));
        foreach (var asset in assets)
        {
            var text = Encoding.UTF8.GetString(asset.Content);
            Assert.DoesNotContain("http://", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("//cdn", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_page_offers_both_languages()
    {
        var script = Encoding.UTF8.GetString(new PanelAssets().All.Single(a => a.RequestPath == "/app.js").Content);

        Assert.Contains("現在の電力", script, StringComparison.Ordinal);
        Assert.Contains("Live power", script, StringComparison.Ordinal);
        Assert.Contains("navigator.languages", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_paths_are_not_found()
    {
        await using var host = await PanelHost.StartAsync();

        using var response = await host.Client.GetAsync("/nope.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
