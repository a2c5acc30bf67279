using System.Text;
using System.Text.RegularExpressions;

namespace Aizu.Panel.Tests.Consent;

/// <summary>The consent and egress screens ship in the page, with every string in both languages.</summary>
public sealed partial class ConsentScreenAssetTests
{
    [Theory]
    [InlineData("/js/screens/consent.js", "navConsent")]
    [InlineData("/js/screens/egress.js", "navEgress")]
    public void Screen_IsEmbedded_AndHasEveryStringInJapaneseAndEnglish(string path, string navKey)
    {
        var script = Encoding.UTF8.GetString(new PanelAssets().All.Single(a => a.RequestPath == path).Content);
        var en = script[script.IndexOf("\n  en: {", StringComparison.Ordinal)..script.IndexOf("\n  ja: {", StringComparison.Ordinal)];
        var jaStart = script.IndexOf("\n  ja: {", StringComparison.Ordinal);
        var ja = script[jaStart..script.IndexOf("\n};", jaStart, StringComparison.Ordinal)];

        var enKeys = Keys().Matches(en).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var jaKeys = Keys().Matches(ja).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(navKey, enKeys);
        Assert.True(enKeys.SetEquals(jaKeys), $"only in en: {string.Join(", ", enKeys.Except(jaKeys))}; only in ja: {string.Join(", ", jaKeys.Except(enKeys))}");
        Assert.Contains("access: 'household'", script, StringComparison.Ordinal);
        Assert.Contains($"from './screens/{Path.GetFileNameWithoutExtension(path)}.js'",
            Encoding.UTF8.GetString(new PanelAssets().All.Single(a => a.RequestPath == "/js/main.js").Content), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:^|[\s,{])([A-Za-z][A-Za-z0-9_]*):\s*['`]", RegexOptions.Multiline)]
    private static partial Regex Keys();
}
