namespace Aizu.City.Analysis.Tests;

/// <summary>
/// The analyst page in Debian's chromium: sign in with a token, pick purpose, level, period and range, see released
/// cells with their numbers and suppressed ones with their rule, the chart, the budget, the CSV; in English and
/// Japanese. The pictures go to <c>AIZU_SCREENSHOTS</c> when set (how docs/images is made), else a temporary folder.
/// </summary>
[Collection(AnalysisCollection.Name)]
public sealed class AnalystPageBrowserTests(AnalysisServer server)
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    [Fact]
    public async Task ThePage_ShowsReleasedAndSuppressedCells_TheChart_TheBudget_AndDownloadsCsv_InEnglishAndJapanese()
    {
        using var directory = new TemporaryDirectory("analyst-page");
        var shots = Environment.GetEnvironmentVariable("AIZU_SCREENSHOTS") is { Length: > 0 } configured ? configured : directory.Path;
        var (browser, wait) = await SignInAsync(AnalysisServer.Planning, directory);
        using var session = browser;
        browser.ExecuteScript("document.getElementById('from').value = '2026-12-01'; document.getElementById('to').value = '2026-12-07';");
        browser.FindElement(By.Id("show")).Click();
        wait.Until(b => b.FindElements(By.CssSelector("td.suppressed")).Count > 0);

        var east = browser.FindElement(By.CssSelector("td[data-area='aizu/east'][data-period='total']"));
        Assert.Equal("min-households", east.GetDomAttribute("data-rule"));
        Assert.Equal("suppressed: min-households", east.Text);
        Assert.Equal("dominance", browser.FindElement(By.CssSelector("td[data-area='aizu/west'][data-period='2026-12-03']")).GetDomAttribute("data-rule"));
        var north = browser.FindElement(By.CssSelector("td[data-area='aizu/north'][data-period='total']"));
        var truth = server.Sum(AnalysisServer.Planning, "aizu/north", AnalysisServer.December1, AnalysisServer.December1.AddDays(6));
        Assert.StartsWith($"{(truth.Energy / 1000).ToString("#,0.#", System.Globalization.CultureInfo.GetCultureInfo("en-US"))} kWh", north.Text, StringComparison.Ordinal);
        Assert.Contains("20 households", north.Text, StringComparison.Ordinal);
        // One bar per area: (all), aizu and its four districts; east and west drawn empty with their rule.
        Assert.Equal(4, browser.FindElements(By.CssSelector("#chart rect.released")).Count);
        Assert.Equal(2, browser.FindElements(By.CssSelector("#chart rect.suppressed")).Count);
        Assert.Contains("ε 1 of 1 left", browser.FindElement(By.Id("budget-text")).Text, StringComparison.Ordinal);
        Assert.Contains("earlier releases stay published", browser.FindElement(By.Id("note")).Text, StringComparison.Ordinal);

        browser.FindElement(By.Id("csv")).Click();
        wait.Until(b => b.FindElements(By.Id("csv-link")).Count > 0);
        var csv = (string?)browser.ExecuteAsyncScript("const done = arguments[0]; fetch(document.getElementById('csv-link').href).then(r => r.text()).then(done);");
        Assert.StartsWith("area,period,status,rule,energy_wh,mean_wh,households,consents,provenance\n", csv ?? "", StringComparison.Ordinal);
        Assert.Contains("aizu/east,total,suppressed,min-households,,,,,", csv, StringComparison.Ordinal);
        Save(browser, shots, "analyst-page-en.png");

        browser.FindElement(By.Id("lang")).Click();
        wait.Until(b => b.FindElement(By.TagName("h1")).Text == "地区別エネルギー統計");
        Assert.Equal("秘匿：世帯数不足", browser.FindElement(By.CssSelector("td[data-area='aizu/east'][data-period='total']")).Text);
        Assert.Contains("撤回前に公開した数値は公開されたままです", browser.FindElement(By.Id("note")).Text, StringComparison.Ordinal);
        Save(browser, shots, "analyst-page-ja.png");
    }

    [Fact]
    public async Task ThePublishedTable_StatesEpsilonClipAndBudget_AndIsRefusedOnceTheSeriesIsSpent()
    {
        using var directory = new TemporaryDirectory("analyst-published");
        var (browser, wait) = await SignInAsync(AnalysisServer.OpenData, directory);
        using var session = browser;
        wait.Until(b => b.FindElement(By.Id("budget")).Displayed);
        browser.ExecuteScript("document.getElementById('from').value = '2026-12-01'; document.getElementById('to').value = '2026-12-03'; document.getElementById('epsilon').value = '0.5';");

        browser.FindElement(By.Id("publish")).Click();
        wait.Until(b => b.FindElements(By.CssSelector("#published td.noisy")).Count > 0);
        var text = browser.FindElement(By.Id("published-text")).Text;
        Assert.Contains("ε 0.5 (δ 0)", text, StringComparison.Ordinal);
        Assert.Contains("clipping 30,000 Wh", text, StringComparison.Ordinal);
        Assert.Contains("ε 0.5 left in this series", text, StringComparison.Ordinal);
        wait.Until(b => b.FindElement(By.Id("budget-text")).Text.Contains("ε 0.5 of 1 left", StringComparison.Ordinal));
        // 150 households in aizu/north, a cell per day (parents and totals are the user's sums of noisy cells).
        Assert.EndsWith("households", browser.FindElement(By.CssSelector("#published td[data-area='aizu/north'][data-period='2026-12-02']")).Text, StringComparison.Ordinal);
        Assert.Equal(3, browser.FindElements(By.CssSelector("#published td.noisy[data-area='aizu/north']")).Count);

        browser.FindElement(By.Id("publish")).Click();
        wait.Until(b => b.FindElement(By.Id("budget-text")).Text.Contains("ε 0 of 1 left", StringComparison.Ordinal));
        browser.FindElement(By.Id("publish")).Click();
        wait.Until(b => b.FindElement(By.Id("published-refused")).Displayed);
        Assert.Equal("Refused: privacy budget spent: 0 of 1 left, 0.5 asked", browser.FindElement(By.Id("published-refused")).Text);
    }

    // A new analyst of the purpose signed in on the page in a fresh browser.
    private async Task<(ChromeDriver Browser, WebDriverWait Wait)> SignInAsync(string purpose, TemporaryDirectory directory)
    {
        using var analyst = await server.AnalystAsync(purpose);
        var browser = Start(directory.File("profile"));
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(15));
        browser.Navigate().GoToUrl(server.Address);
        browser.FindElement(By.Id("token")).SendKeys(analyst.DefaultRequestHeaders.Authorization!.Parameter!);
        browser.FindElement(By.Id("signin-button")).Click();
        wait.Until(b => b.FindElement(By.Id("query")).Displayed);
        return (browser, wait);
    }

    private static void Save(ChromeDriver browser, string directory, string name)
    {
        var path = Path.Combine(directory, name);
        browser.GetScreenshot().SaveAsFile(path);
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is not a real picture");
    }

    private static ChromeDriver Start(string profile)
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException($"Browser tests need {Browser} and {Driver}: run 'sudo bash .ci/install-deps' (Debian packages chromium and chromium-driver).");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US", "--window-size=1280,900", $"--user-data-dir={profile}");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
