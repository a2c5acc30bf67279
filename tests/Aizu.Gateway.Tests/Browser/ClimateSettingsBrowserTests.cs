namespace Aizu.Gateway.Tests.Browser;

/// <summary>The indoor climate and settings screens and the gas row, in real headless Chromium against the real gateway.</summary>
public sealed class ClimateSettingsBrowserTests
{
    [Fact]
    public async Task Climate_ShowsEveryDemoRoomWithValues()
    {
        await using var demo = await DemoPanelInBrowser.StartAsync(390, 844);
        var (browser, wait) = (demo.Browser, demo.Wait);

        var screen = PanelPage.Show(browser, wait, "climate");
        // Every room's first values come from a simulated chip that measures on its own schedule (the SCD4x every
        // 5 s): wait until each value asserted below has arrived, then check its form. On a loaded CI machine the
        // first values and the first chart can take longer than the page's usual 30 s limit.
        var slow = new WebDriverWait(browser, TimeSpan.FromSeconds(120));
        slow.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        slow.Until(d => d.FindElements(By.CssSelector(".climate-room")).Count >= 3
            && d.FindElements(By.Id("climate-living-co2")).Count == 1
            && Regex.IsMatch(d.FindElement(By.Id("climate-living-temperature")).Text, @"^\d+(\.\d)? °C$")
            && Regex.IsMatch(d.FindElement(By.Id("climate-bedroom-humidity")).Text, @"^\d+ %$")
            && Regex.IsMatch(d.FindElement(By.Id("climate-living-co2")).Text, @"^[\d,]+ ppm$")
            && d.FindElement(By.Id("climate-living-co2-level")).Text.Length > 0
            && d.FindElements(By.CssSelector(".climate-line canvas")).Count > 0);

        var rooms = screen.FindElements(By.CssSelector(".climate-room")).Select(r => r.GetAttribute("data-room")).ToArray();
        Assert.Equal(["bedroom", "hallway", "living"], rooms.Order());
        Assert.Matches(@"^\d+(\.\d)? °C$", browser.FindElement(By.Id("climate-living-temperature")).Text);
        Assert.Matches(@"^\d+ %$", browser.FindElement(By.Id("climate-bedroom-humidity")).Text);
        Assert.Matches(@"^[\d,]+ ppm$", browser.FindElement(By.Id("climate-living-co2")).Text);
        Assert.NotEqual(string.Empty, browser.FindElement(By.Id("climate-living-co2-level")).Text);
        Assert.Equal("Living room", screen.FindElement(By.CssSelector("[data-room='living'] h2")).Text);
        Assert.True(browser.FindElement(By.Id("climate-hint")).Displayed);
        Assert.NotEmpty(screen.FindElements(By.CssSelector(".climate-line canvas")));
        Assert.True(browser.FindElement(By.Id("nav-climate")).Displayed);
    }

    [Fact]
    public async Task EuDemo_TodayCardShowsGasInCubicMetres()
    {
        await using var demo = await DemoPanelInBrowser.StartAsync(1280, 800, "--profile", "eu");
        var (browser, wait) = (demo.Browser, demo.Wait);

        PanelPage.Show(browser, wait, "home");

        // The home screen refreshes today every 30 s; the first gas value arrives with the first P1 telegram.
        var waitLonger = new OpenQA.Selenium.Support.UI.WebDriverWait(browser, TimeSpan.FromSeconds(75));
        waitLonger.IgnoreExceptionTypes(typeof(NoSuchElementException));
        waitLonger.Until(d => d.FindElement(By.Id("today-gas-row")).Displayed);
        Assert.Matches(@"^\d+\.\d{3} m³$", browser.FindElement(By.Id("today-gas")).Text);
        Assert.Equal("Gas", browser.FindElement(By.CssSelector("#today-gas-row dt")).Text);
        Assert.False(browser.FindElement(By.Id("today-water-row")).Displayed);
    }

    [Fact]
    public async Task Settings_ShowsTheTariff_ExportLinkDownloadsCsv_AndEraseNeedsThePassword()
    {
        await using var demo = await DemoPanelInBrowser.StartAsync(1024, 600);
        var (browser, wait) = (demo.Browser, demo.Wait);

        PanelPage.Show(browser, wait, "settings");
        wait.Until(d => d.FindElement(By.Id("settings-tariff")).Text.Contains("第2段階", StringComparison.Ordinal));
        Assert.Contains("Basic charge", browser.FindElement(By.Id("settings-tariff")).Text, StringComparison.Ordinal);
        Assert.Contains("Not configured", browser.FindElement(By.Id("settings-influx")).Text, StringComparison.Ordinal);
        Assert.Contains("All well", browser.FindElement(By.Id("settings-storage")).Text, StringComparison.Ordinal);

        // The link carries the form's choices, and fetching it with the browser's session gives a CSV file.
        string href = browser.FindElement(By.Id("export-link")).GetAttribute("href")!;
        Assert.Contains("/api/export?from=", href, StringComparison.Ordinal);
        Assert.Contains("resolution=hour", href, StringComparison.Ordinal);
        Assert.Contains("format=csv", href, StringComparison.Ordinal);
        browser.ExecuteScript("const r = document.getElementById('export-resolution'); r.value = 'raw'; r.dispatchEvent(new Event('change'));");
        href = browser.FindElement(By.Id("export-link")).GetAttribute("href")!;
        Assert.Contains("resolution=raw", href, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few readings to download
        var download = (string?)browser.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1];"
            + "fetch(document.getElementById('export-link').href, { credentials: 'same-origin' })"
            + ".then(async r => done(r.status + '|' + r.headers.get('content-type') + '|' + r.headers.get('content-disposition') + '|' + await r.text()))"
            + ".catch(e => done('error|' + e));");
        var parts = Assert.IsType<string>(download).Split('|', 4);
        Assert.Equal("200", parts[0]);
        Assert.StartsWith("text/csv", parts[1], StringComparison.Ordinal);
        Assert.StartsWith("attachment", parts[2], StringComparison.Ordinal);
        var lines = parts[3].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("series,timestamp,value,unit,quality", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("elec.power,", StringComparison.Ordinal));

        // Erase: a wrong password erases nothing and says so.
        browser.FindElement(By.Id("erase-confirm")).Click();
        browser.FindElement(By.Id("erase-password")).SendKeys("not the password");
        browser.FindElement(By.Id("erase-submit")).Click();
        wait.Until(d => d.FindElement(By.Id("erase-error")).Text.Length > 0);
        Assert.Contains("not correct", browser.FindElement(By.Id("erase-error")).Text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, browser.FindElement(By.Id("erase-result")).Text);

        // Without ticking "I understand", nothing is sent either.
        browser.FindElement(By.Id("erase-confirm")).Click();
        browser.FindElement(By.Id("erase-password")).Clear();
        browser.FindElement(By.Id("erase-password")).SendKeys(PanelSignIn.Password);
        browser.FindElement(By.Id("erase-submit")).Click();
        await Task.Delay(500);
        Assert.Equal(string.Empty, browser.FindElement(By.Id("erase-result")).Text);

        browser.FindElement(By.Id("erase-confirm")).Click();
        browser.FindElement(By.Id("erase-submit")).Click();
        wait.Until(d => d.FindElement(By.Id("erase-result")).Text.StartsWith("Erased", StringComparison.Ordinal));
        Assert.Equal(string.Empty, browser.FindElement(By.Id("erase-error")).Text);

        // The gateway keeps running: live power still arrives after the erase.
        Assert.False(demo.Gateway.HasExited);
        PanelPage.Show(browser, wait, "home");
        wait.Until(d => d.FindElement(By.Id("live-updated")).GetAttribute("data-ts") is { Length: > 0 });
    }

    [Fact]
    public async Task StorageBanner_ShowsWhenTheDiskIsBelowItsFloor()
    {
        using var directory = new TemporaryDirectory();

        // A floor no disk can meet (a petabyte): the store drops what raw data it has and reports "critical".
        string config = Path.Combine(directory.Path, "aizu.json");
        await File.WriteAllTextAsync(config, """{ "Aizu": { "Storage": { "MinFreeSpaceMegabytes": 1000000000 } } }""");
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--config", config, "--urls", "http://127.0.0.1:0");
        var panel = await gateway.PanelAsync();
        using var browser = HeadlessChromium.Start(Path.Combine(directory.Path, "chromium"));
        PanelPage.Open(browser, panel, gateway.SetupCode);

        // The footer asks for the status every 30 s; the first maintenance pass runs with the first stored batch.
        // The banner is re-rendered on every status poll, so each look finds it afresh and reads it at once.
        var waitLonger = new OpenQA.Selenium.Support.UI.WebDriverWait(browser, TimeSpan.FromSeconds(75));
        waitLonger.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        string? bannerText = waitLonger.Until(d => d.FindElement(By.Id("storage-banner")) is { Displayed: true } b && b.GetAttribute("data-state") == "critical" ? b.Text : null);
        Assert.Contains("nearly full", bannerText, StringComparison.Ordinal);
        waitLonger.Until(d =>
        {
            d.FindElement(By.CssSelector("#storage-banner a[href='#/settings']")).Click();
            return true;
        });
        string? settingsText = waitLonger.Until(d => d.FindElement(By.Id("settings-storage")) is var e && e.GetAttribute("data-state") == "critical" ? e.Text : null);
        Assert.Contains("Disk nearly full", settingsText, StringComparison.Ordinal);
    }
}
