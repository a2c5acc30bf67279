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
        foreach (var id in new[] { "nav", "screens", "gate", "link-status", "lang-toggle" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<script src=\"js/main.js\" type=\"module\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/index.html", "text/html")]
    [InlineData("/js/main.js", "text/javascript")]
    [InlineData("/js/screens/home.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    [InlineData("/vendor/uplot/uPlot.iife.min.js", "text/javascript")]
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
        using var first = await host.Client.GetAsync("/js/main.js");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/js/main.js");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public void The_page_is_made_of_embedded_files_that_reference_nothing_outside_the_gateway()
    {
        var assets = new PanelAssets().All;

        Assert.Contains("/index.html", assets.Select(a => a.RequestPath));
        Assert.Contains("/js/main.js", assets.Select(a => a.RequestPath));
        Assert.Contains("/vendor/uplot/uPlot.iife.min.js", assets.Select(a => a.RequestPath));
        foreach (var asset in assets)
        {
            // uPlot names its home page in its banner comment; that is text, not something fetched.
            var text = Encoding.UTF8.GetString(asset.Content).Replace("https://github.com/leeoniya/uPlot", string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("//cdn", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_page_offers_both_languages()
    {
        string Script(string path) => Encoding.UTF8.GetString(new PanelAssets().All.Single(a => a.RequestPath == path).Content);

        Assert.Contains("現在の電力", Script("/js/screens/strings/home.json"), StringComparison.Ordinal);
        Assert.Contains("Live power", Script("/js/screens/strings/home.json"), StringComparison.Ordinal);
        Assert.Contains("navigator.languages", Script("/js/i18n.js"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_paths_are_not_found()
    {
        await using var host = await PanelHost.StartAsync();

        using var response = await host.Client.GetAsync("/nope.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
