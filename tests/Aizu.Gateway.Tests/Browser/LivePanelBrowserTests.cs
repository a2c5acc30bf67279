using Aizu.Gateway.Tests.EndToEnd;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Aizu.Gateway.Tests.Browser;

/// <summary>The panel in real headless Chromium, against the real gateway in demo mode.</summary>
public sealed class LivePanelBrowserTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Panel_ShowsLivePowerThatUpdates()
    {
        using var directory = new TemporaryDirectory();
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
        var panel = await gateway.PanelAsync();
        using var browser = HeadlessChromium.Start(Path.Combine(directory.Path, "chromium"));

        browser.Navigate().GoToUrl(panel);
        var wait = new WebDriverWait(browser, Limit);
        string firstStamp = wait.Until(d => Stamp(d) is { Length: > 0 } s ? s : null);
        string firstText = browser.FindElement(By.Id("live-power")).Text;
        string secondStamp = wait.Until(d => Stamp(d) is { Length: > 0 } s && s != firstStamp ? s : null);

        Assert.Matches(@"^-?[\d,.]+\s?k?W$", firstText);
        Assert.True(DateTimeOffset.Parse(secondStamp, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.Parse(firstStamp, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches(@"^-?[\d,.]+\s?k?W$", browser.FindElement(By.Id("live-power")).Text);
        Assert.NotEqual(string.Empty, browser.FindElement(By.Id("today-import")).Text);
    }

    private static string? Stamp(IWebDriver driver)
    {
        var element = driver.FindElement(By.Id("live-updated"));
        return element.GetAttribute("data-ts");
    }
}
