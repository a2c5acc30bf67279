namespace Aizu.Gateway.Tests.Browser;

/// <summary>The panel in real headless Chromium against the real gateway process.</summary>
public sealed class PanelBrowserTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public async Task FirstStart_AsksForAPassword_ThenLivePowerUpdates_AndTheLanguageSwitches()
    {
        using var directory = new TemporaryDirectory();
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
        var panel = await gateway.PanelAsync();
        using var browser = HeadlessChromium.Start(Path.Combine(directory.Path, "chromium"));

        browser.Navigate().GoToUrl(panel);
        var wait = new OpenQA.Selenium.Support.UI.WebDriverWait(browser, PanelPage.Limit);
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException));
        var gate = wait.Until(d => d.FindElement(By.Id("gate")) is { Displayed: true } g ? g : null);
        Assert.Equal("setup", gate.GetAttribute("data-mode"));
        Assert.Empty(browser.FindElement(By.Id("nav")).FindElements(By.TagName("a")));

        // Someone on the LAN without the code the device printed gets nowhere.
        string code = gateway.SetupCode ?? throw new InvalidOperationException($"no setup code printed:{Environment.NewLine}{gateway.Output}");
        browser.FindElement(By.Id("gate-code")).SendKeys("ABCDE-FGHJK");
        browser.FindElement(By.Id("gate-password")).SendKeys(PanelSignIn.Password);
        browser.FindElement(By.Id("gate-confirm")).SendKeys(PanelSignIn.Password);
        browser.FindElement(By.Id("gate-submit")).Click();
        wait.Until(d => d.FindElement(By.Id("gate-error")).Text.Contains("setup code", StringComparison.OrdinalIgnoreCase));
        Assert.True(gate.Displayed);
        browser.FindElement(By.Id("gate-code")).Clear();
        browser.FindElement(By.Id("gate-code")).SendKeys(code);
        browser.FindElement(By.Id("gate-password")).Clear();
        browser.FindElement(By.Id("gate-confirm")).Clear();

        // A mistyped confirmation is caught before anything is set.
        browser.FindElement(By.Id("gate-password")).SendKeys(PanelSignIn.Password);
        browser.FindElement(By.Id("gate-confirm")).SendKeys(PanelSignIn.Password + "x");
        browser.FindElement(By.Id("gate-submit")).Click();
        wait.Until(d => d.FindElement(By.Id("gate-error")).Text.Contains("differ", StringComparison.Ordinal));
        Assert.True(gate.Displayed);

        browser.FindElement(By.Id("gate-confirm")).Clear();
        browser.FindElement(By.Id("gate-confirm")).SendKeys(PanelSignIn.Password);
        browser.FindElement(By.Id("gate-submit")).Click();
        string firstStamp = wait.Until(d => Stamp(d) is { Length: > 0 } s ? s : null);
        string firstText = browser.FindElement(By.Id("live-power")).Text;
        string secondStamp = wait.Until(d => Stamp(d) is { Length: > 0 } s && s != firstStamp ? s : null);

        Assert.Matches(@"^-?[\d,.]+\s?k?W$", firstText);
        Assert.True(DateTimeOffset.Parse(secondStamp, CultureInfo.InvariantCulture) > DateTimeOffset.Parse(firstStamp, CultureInfo.InvariantCulture));
        Assert.Matches(@"^-?[\d,.]+\s?k?W$", browser.FindElement(By.Id("live-power")).Text);
        Assert.NotEqual(string.Empty, browser.FindElement(By.Id("today-import")).Text);
        Assert.Equal("Now", browser.FindElement(By.Id("nav-home")).Text);

        browser.FindElement(By.Id("lang-toggle")).Click();
        wait.Until(d => d.FindElement(By.Id("nav-home")).Text == "現在");
        Assert.Equal("ja", browser.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal("履歴", browser.FindElement(By.Id("nav-history")).Text);
        Assert.Equal("English", browser.FindElement(By.Id("lang-toggle")).Text);

        // The choice is remembered: a reload stays in Japanese, and the session cookie keeps the household signed in.
        browser.Navigate().Refresh();
        wait.Until(d => d.FindElement(By.Id("nav-home")).Text == "現在");
    }

    [Fact]
    public async Task History_PagesBackAndForward_AndCost_MatchesAHandComputedTepcoCase()
    {
        using var directory = new TemporaryDirectory();
        var database = Path.Combine(directory.Path, "data", "aizu.db");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Tokyo).DateTime);
        await SeedTwelveKWhTodayAsync(database, now, today);
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "aizu.json"), JsonSerializer.Serialize(new
        {
            Aizu = new
            {
                Household = new { TimeZone = "Asia/Tokyo" },
                Storage = new { DatabasePath = database },

                // The meter is unplugged: the panel works from what the store already holds.
                Dsmr = new { DevicePath = Path.Combine(directory.Path, "no-such-tty") },
                Tariff = new
                {
                    Currency = "JPY",
                    Kind = "Tiered",
                    Tiers = new object[]
                    {
                        new { Name = "第1段階", UpToKWh = 120, PricePerKWh = 29.80m },
                        new { Name = "第2段階", UpToKWh = 300, PricePerKWh = 36.40m },
                        new { Name = "第3段階", PricePerKWh = 40.49m },
                    },
                    BasicChargePerMonth = 935.25m,
                    FuelCostAdjustmentPerKWh = -2.50m,
                    RenewableSurchargePerKWh = 3.49m,
                },
            },
        }));
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--config", "aizu.json", "--urls", "http://127.0.0.1:0");
        var panel = await gateway.PanelAsync();
        using var browser = HeadlessChromium.Start(Path.Combine(directory.Path, "chromium"));
        var wait = PanelPage.Open(browser, panel, gateway.SetupCode);

        // Hand-computed, 従量電灯B 30 A with the illustrative prices above; nothing else used this month, so
        // all 12 kWh fall in the first tier:
        //   energy     12 kWh × 29.80 = 357.60
        //   fuel       12 kWh × −2.50 = −30.00
        //   renewable  12 kWh ×  3.49 =  41.88
        //   basic      935.25 ÷ days in the month: 28 → 33.4017…, 29 → 32.25, 30 → 31.175, 31 → 30.1693…
        //   total, rounded down to the yen: 402, 401, 400 or 399
        int daysInMonth = DateTime.DaysInMonth(today.Year, today.Month);
        decimal expected = daysInMonth switch { 28 => 402m, 29 => 401m, 30 => 400m, _ => 399m };
        var cost = wait.Until(d => d.FindElement(By.Id("today-cost-value")) is { Displayed: true } e && e.GetAttribute("data-amount") is { Length: > 0 } ? e : null);
        Assert.Equal(expected, decimal.Parse(cost.GetAttribute("data-amount")!, CultureInfo.InvariantCulture));
        Assert.Contains(expected.ToString("N0", CultureInfo.InvariantCulture), cost.Text, StringComparison.Ordinal);
        Assert.Equal("12.00 kWh", browser.FindElement(By.Id("today-import")).Text);

        // History: today's day page, then yesterday, then back; the future stays closed.
        PanelPage.Show(browser, wait, "history", "span=day");
        wait.Until(d => d.FindElement(By.Id("history-label")).GetAttribute("data-date") == today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        wait.Until(d => d.FindElement(By.Id("history-import")).Text == "12.00 kWh");
        Assert.False(browser.FindElement(By.Id("history-next")).Enabled);
        Assert.NotEmpty(browser.FindElements(By.CssSelector("#history-chart canvas")));

        browser.FindElement(By.Id("history-prev")).Click();
        string yesterday = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        wait.Until(d => d.FindElement(By.Id("history-label")).GetAttribute("data-date") == yesterday);
        Assert.True(browser.FindElement(By.Id("history-next")).Enabled);

        browser.FindElement(By.Id("history-next")).Click();
        wait.Until(d => d.FindElement(By.Id("history-label")).GetAttribute("data-date") == today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        browser.FindElement(By.CssSelector("#history-spans [data-span='month']")).Click();
        string firstOfMonth = new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        wait.Until(d => d.FindElement(By.Id("history-label")).GetAttribute("data-date") == firstOfMonth);
        wait.Until(d => d.FindElement(By.Id("history-import")).Text == "12.00 kWh");
        Assert.Equal(DateTime.DaysInMonth(today.Year, today.Month), browser.FindElements(By.CssSelector("#history-table tbody tr")).Count);
    }

    // The import register stands still from the first of the month until midnight, then counts 12.0 kWh
    // in 24 even steps between midnight and now.
    private static async Task SeedTwelveKWhTodayAsync(string database, DateTimeOffset now, DateOnly today)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), Tokyo.GetUtcOffset(today.ToDateTime(TimeOnly.MinValue)));
        var monthStart = new DateTimeOffset(new DateTime(today.Year, today.Month, 1), TimeSpan.FromHours(9));
        const double start = 5_000.0;
        var readings = new List<Reading>();
        if (monthStart < midnight)
        {
            readings.Add(new Reading(SeriesNames.ElectricImportEnergy, monthStart, start, Units.KilowattHour));
        }

        readings.Add(new Reading(SeriesNames.ElectricImportEnergy, midnight, start, Units.KilowattHour));
        var step = (now - midnight) / 25;
        for (int i = 1; i <= 24; i++)
        {
            readings.Add(new Reading(SeriesNames.ElectricImportEnergy, midnight + (step * i), start + (0.5 * i), Units.KilowattHour));
        }

        await using var store = new ReadingStore(
            Options.Create(new StorageOptions { DatabasePath = database }), NullLogger<ReadingStore>.Instance, new Aizu.Household.HouseholdCalendar(Tokyo));
        await store.AppendAsync(readings, CancellationToken.None);
    }

    private static string? Stamp(IWebDriver driver) => driver.FindElement(By.Id("live-updated")).GetAttribute("data-ts");
}
