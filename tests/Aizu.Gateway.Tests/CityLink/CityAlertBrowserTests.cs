namespace Aizu.Gateway.Tests.CityLink;

/// <summary>
/// City alerts as a household sees them: real mosquitto, the real <c>aizu-city</c> publisher, two real
/// gateway processes (districts A and B) and one real headless Chromium with a tab on each panel. Fails
/// (never skips) without mosquitto or Chromium.
/// </summary>
public sealed class CityAlertBrowserTests(ITestOutputHelper output)
{
    private const string DistrictA = "07202-kitaaizu";
    private const string DistrictB = "07202-higashi";

    [Fact]
    public async Task Level4_TakesOverOnlyAPanel_UpdateReplacesText_IamSafeSendsNothing_CancelAndExpiryClear()
    {
        var total = Stopwatch.StartNew();
        using var directory = new TemporaryDirectory();
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        var startA = CityGateway.StartAsync(Path.Combine(directory.Path, "a"), city.Broker.Port, "gw-a-0101", DistrictA, city.PublicKeyFile);
        var startB = CityGateway.StartAsync(Path.Combine(directory.Path, "b"), city.Broker.Port, "gw-b-0102", DistrictB, city.PublicKeyFile);
        await using var a = await startA;
        await using var b = await startB;
        await CityAlertEndToEndTests.WaitOnlineAsync(city, a, b);

        using var browser = HeadlessChromium.Start(Path.Combine(directory.Path, "chromium"), 1024, 600);
        var wait = PanelPage.Open(browser, a.Http.BaseAddress!, setupCode: null);
        var tabA = browser.CurrentWindowHandle;
        browser.SwitchTo().NewWindow(WindowType.Tab);
        // Cookies do not tell ports apart: B is opened as "localhost" so the two sessions do not overwrite each other.
        PanelPage.Open(browser, new UriBuilder(b.Http.BaseAddress!) { Host = "localhost" }.Uri, setupCode: null);
        var tabB = browser.CurrentWindowHandle;
        browser.SwitchTo().Window(tabA);
        Assert.False(Takeover(browser).Displayed);

        // 1. A signed level 4 evacuation order for district A: full screen on A, with what to do.
        var sent = Now();
        await city.PublishAlertAsync(CapAlertXml.Create("e2e-browser-1", sent, sent.AddHours(1), DistrictA), "browser-1");
        var takeover = Until(browser, wait, d => Takeover(d) is { Displayed: true } t ? t : null, "the takeover on A");
        Assert.Equal("alertdialog", takeover.GetAttribute("role"));
        Assert.Equal("Evacuate now.", browser.FindElement(By.Id("alert-takeover-instruction")).Text);
        Assert.Contains("Level 4", takeover.Text, StringComparison.Ordinal);
        Assert.Contains("Aizuwakamatsu City", takeover.Text, StringComparison.Ordinal);
        Assert.Contains("not a replacement for J-Alert", browser.FindElement(By.Id("alert-takeover-notice")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("TEST", takeover.Text, StringComparison.Ordinal);
        Assert.True(Script<bool>(browser, "return document.getElementById('alert-takeover').contains(document.activeElement);"), "focus is not in the takeover");

        // Esc only minimises a level 4 alert to the banner; it is never gone while it is current.
        browser.SwitchTo().ActiveElement().SendKeys(Keys.Escape);
        wait.Until(d => !Takeover(d).Displayed);
        var banner = browser.FindElement(By.Id("alert-banner"));
        Assert.True(banner.Displayed);
        Assert.Contains("Evacuate now.", banner.Text, StringComparison.Ordinal);
        browser.FindElement(By.CssSelector("#alert-banner [data-action='expand']")).Click();
        wait.Until(d => Takeover(d).Displayed);

        // B received the same city-wide message, verified it and filtered it out at home: nothing on its panel.
        await b.WaitForLogAsync("e2e-browser-1 level 0 (not for this household)");
        browser.SwitchTo().Window(tabB);
        Assert.Equal(0L, await RefreshedCountAsync(browser));
        Assert.False(Takeover(browser).Displayed);
        Assert.False(browser.FindElement(By.Id("alert-banner")).Displayed);
        browser.SwitchTo().Window(tabA);

        // 2. "I'm safe" without an alert.ack grant: the panel says it was not sent, and the broker sees nothing.
        var before = city.Recorder.Messages.Count;
        browser.FindElement(By.Id("alert-takeover-ack")).Click();
        var result = wait.Until(d => d.FindElement(By.Id("alert-takeover-ack-result")).Text is { Length: > 0 } r ? r : null);
        Assert.Contains("not sent", result, StringComparison.Ordinal);
        Assert.Equal("NotConsented", wait.Until(d => d.FindElement(By.Id("alert-takeover-ack-result")).GetAttribute("data-forwarding")));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var seen = city.Recorder.Messages.Skip(before).ToList();
        Assert.True(seen.Count == 0, "the broker saw: " + string.Join(", ", seen.Select(m => m.Topic)));

        // 3. An Update replaces the text on the screen.
        var update = CapAlertXml.Create("e2e-browser-2", sent.AddSeconds(1), sent.AddHours(2), DistrictA, msgType: "Update",
                references: CapAlertXml.Reference("e2e-browser-1", sent))
            .Replace("直ちに避難してください。", "北会津小学校へ避難してください。", StringComparison.Ordinal)
            .Replace("Evacuate now.", "Go to Kitaaizu primary school now.", StringComparison.Ordinal);
        await city.PublishAlertAsync(update, "browser-2");
        wait.Until(d => Takeover(d).Displayed && d.FindElement(By.Id("alert-takeover-instruction")).Text == "Go to Kitaaizu primary school now.");
        Assert.EndsWith("e2e-browser-2", Takeover(browser).GetAttribute("data-alert-id"), StringComparison.Ordinal);

        // 4. A Cancel clears the takeover (and leaves no banner).
        var cancel = CapAlertXml.Create("e2e-browser-3", sent.AddSeconds(2), sent.AddHours(2), DistrictA, msgType: "Cancel",
            references: $"{CapAlertXml.Reference("e2e-browser-1", sent)} {CapAlertXml.Reference("e2e-browser-2", sent.AddSeconds(1))}");
        await city.PublishAlertAsync(cancel, "browser-3");
        wait.Until(d => !Takeover(d).Displayed);
        Assert.False(browser.FindElement(By.Id("alert-banner")).Displayed);

        // 5. A short-lived alert appears and clears itself at its expiry without any further message.
        var shortSent = Now();
        var expires = shortSent.AddSeconds(12);
        await city.PublishAlertAsync(CapAlertXml.Create("e2e-browser-short", shortSent, expires, DistrictA), "browser-short");
        Until(browser, wait, d => Takeover(d).Displayed && (d.FindElement(By.Id("alert-takeover")).GetAttribute("data-alert-id") ?? "").EndsWith("e2e-browser-short", StringComparison.Ordinal), "the short-lived alert");
        var alertMessages = AlertMessages(city);
        wait.Until(d => !Takeover(d).Displayed);
        Assert.True(DateTimeOffset.UtcNow >= expires, $"cleared before its expiry {expires}");
        Assert.Equal(alertMessages, AlertMessages(city));

        // The alerts screen has the history: the order replaced by the update, the update cancelled, the short one expired.
        PanelPage.Show(browser, wait, "alerts");
        wait.Until(d => d.FindElements(By.CssSelector("#alerts-history tbody tr")).Count >= 3);
        var history = browser.FindElement(By.Id("alerts-history")).Text;
        Assert.Contains("Cancelled by the city", history, StringComparison.Ordinal);
        Assert.Contains("Expired", history, StringComparison.Ordinal);
        Assert.True(browser.FindElement(By.Id("alerts-empty")).Displayed);
        Assert.Contains("not a replacement for J-Alert", browser.FindElement(By.Id("alerts-notice")).Text, StringComparison.Ordinal);

        // B never showed anything.
        browser.SwitchTo().Window(tabB);
        Assert.Equal(0L, await RefreshedCountAsync(browser));
        Assert.False(Takeover(browser).Displayed);
        Assert.Empty((await b.AlertsAsync()).GetProperty("history").EnumerateArray());
        output.WriteLine($"Browser alert test: {total.Elapsed.TotalSeconds:0.0} s");
    }

    private static IWebElement Takeover(IWebDriver driver) => driver.FindElement(By.Id("alert-takeover"));

    // Waits like WebDriverWait, and on a timeout says what the page had: its alert list and the takeover's state.
    private static T Until<T>(IWebDriver browser, WebDriverWait wait, Func<IWebDriver, T?> condition, string what)
    {
        try
        {
            return wait.Until(condition)!;
        }
        catch (WebDriverTimeoutException ex)
        {
            var page = ((IJavaScriptExecutor)browser).ExecuteAsyncScript(
                "const done = arguments[arguments.length - 1];" +
                "import('./js/alerts-layer.js').then((m) => done(JSON.stringify({ data: m.latest(), takeover: document.getElementById('alert-takeover')?.outerHTML?.slice(0, 2000), banner: document.getElementById('alert-banner')?.outerHTML?.slice(0, 1000) }))).catch((e) => done(String(e)));");
            throw new WebDriverTimeoutException($"{what}: {ex.Message}{Environment.NewLine}page: {page}", ex);
        }
    }

    private static T Script<T>(IWebDriver driver, string script) => (T)((IJavaScriptExecutor)driver).ExecuteScript(script)!;

    // Makes the page poll now (rather than waiting up to its interval) and returns how many alerts it shows.
    private static Task<long> RefreshedCountAsync(IWebDriver driver)
    {
        var count = ((IJavaScriptExecutor)driver).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1];" +
            "import('./js/alerts-layer.js').then((m) => m.refresh().then(() => done(m.latest()?.enabled ? m.currentAlerts().length : -1))).catch(() => done(-2));");
        return Task.FromResult(Assert.IsType<long>(count));
    }

    private static int AlertMessages(CityCouncil city) =>
        city.Recorder.Messages.Count(m => m.Topic.StartsWith("aizu/v1/alert/", StringComparison.Ordinal));

    private static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9));
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset);
    }
}
