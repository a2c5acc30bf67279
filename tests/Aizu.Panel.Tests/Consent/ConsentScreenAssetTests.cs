namespace Aizu.Panel.Tests.Consent;

/// <summary>
/// The consent and egress screens ship in the page, and every string table the page carries (one JSON file per
/// module, beside it in <c>strings/</c>) has every key in Japanese and English.
/// </summary>
public sealed class ConsentScreenAssetTests
{
    [Theory]
    [InlineData("/js/screens/consent.js", "navConsent")]
    [InlineData("/js/screens/egress.js", "navEgress")]
    public void Screen_IsEmbedded_ImportedByTheShell_AndHasItsStrings(string path, string navKey)
    {
        var script = Text(path);
        var name = Path.GetFileNameWithoutExtension(path);

        Assert.Contains($"from './strings/{name}.json' with {{ type: 'json' }}", script, StringComparison.Ordinal);
        Assert.Contains("access: 'household'", script, StringComparison.Ordinal);
        Assert.Contains($"from './screens/{name}.js'", Text("/js/main.js"), StringComparison.Ordinal);
        Assert.Contains(navKey, Keys($"/js/screens/strings/{name}.json", "en"));
    }

    [Fact]
    public void Every_string_table_has_every_key_in_both_languages()
    {
        var tables = new PanelAssets().All.Where(a => a.RequestPath.Contains("/strings/", StringComparison.Ordinal)).ToList();

        Assert.True(tables.Count >= 12, $"{tables.Count} string tables embedded");
        foreach (var table in tables)
        {
            Assert.StartsWith("application/json", table.ContentType, StringComparison.Ordinal);
            var en = Keys(table.RequestPath, "en");
            var ja = Keys(table.RequestPath, "ja");
            Assert.NotEmpty(en);
            Assert.True(en.SetEquals(ja), $"{table.RequestPath}: only in en: {string.Join(", ", en.Except(ja))}; only in ja: {string.Join(", ", ja.Except(en))}");
        }
    }

    private static string Text(string path) =>
        Encoding.UTF8.GetString(new PanelAssets().All.Single(a => a.RequestPath == path).Content);

    private static HashSet<string> Keys(string path, string language)
    {
        using var document = JsonDocument.Parse(Text(path));
        return document.RootElement.GetProperty(language).EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}
