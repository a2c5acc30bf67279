namespace Aizu.Gateway.Tests.Browser;

/// <summary>
/// The consent and "What left my home" screens in real headless Chromium against the real gateway process in
/// demo mode; the egress test adds a real mosquitto with a raw subscriber on <c>#</c>. Fail, never skip,
/// when chromium or mosquitto is missing.
/// </summary>
public sealed class ConsentBrowserTests
{
    private const string Row = ".consent-row[data-purpose='city-energy-planning'][data-category='elec.import.energy']";

    [Fact]
    public async Task ConsentScreen_GrantThenWithdraw_ShowsStatusReceiptsAndLedger()
    {
        await using var demo = await DemoPanelInBrowser.StartAsync(390, 844);
        var (browser, wait) = (demo.Browser, demo.Wait);
        PanelPage.Show(browser, wait, "consent");

        // Demo mode's signed sample catalogue made requests: shown as such, never as consent.
        var status = wait.Until(d => d.FindElement(By.CssSelector(Row)).GetAttribute("data-status") is { Length: > 0 } s && s != "none" ? s : null);
        Assert.Equal("requested", status);
        Assert.False(browser.FindElement(By.Id("consent-requests")).GetAttribute("hidden") is not null, "the request note is hidden");
        Assert.Contains("Request", browser.FindElement(By.CssSelector(Row)).Text, StringComparison.Ordinal);
        var options = browser.FindElement(By.CssSelector($"{Row} .consent-granularity")).FindElements(By.TagName("option")).Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["P1M", "P1D", "PT1H"], options);

        // Grant (monthly): the status changes and a verified receipt of the decision is there.
        browser.FindElement(By.CssSelector($"{Row} .consent-granularity option[value='P1M']")).Click();
        browser.FindElement(By.CssSelector($"{Row} .consent-grant")).Click();
        wait.Until(d => d.FindElement(By.CssSelector(Row)).GetAttribute("data-status") == "given");
        Assert.Contains("Consent given", browser.FindElement(By.Id("consent-message")).Text, StringComparison.Ordinal);
        Assert.Contains("One total per month", browser.FindElement(By.CssSelector(Row)).Text, StringComparison.Ordinal);
        browser.FindElement(By.CssSelector($"{Row} .consent-history summary")).Click();
        var given = wait.Until(d => d.FindElement(By.CssSelector($"{Row} .consent-receipts li[data-event='given']")));
        given.FindElement(By.CssSelector(".consent-view-receipt")).Click();
        var signature = wait.Until(d => d.FindElement(By.CssSelector("#consent-receipt .consent-signature")) is { Displayed: true } s ? s : null);
        Assert.Equal("true", signature.GetAttribute("data-verified"));
        Assert.Matches(@"^[\w-]+\.[\w-]+\.[\w-]+$", browser.FindElement(By.Id("consent-receipt-jws")).Text.Trim());
        browser.FindElement(By.CssSelector("#consent-receipt form button")).Click();
        wait.Until(d => !d.FindElement(By.Id("consent-receipt")).Displayed);

        // Withdraw on the same screen, as easy as the grant.
        browser.FindElement(By.CssSelector($"{Row} .consent-withdraw")).Click();
        wait.Until(d => d.FindElement(By.CssSelector(Row)).GetAttribute("data-status") == "withdrawn");
        browser.FindElement(By.CssSelector($"{Row} .consent-history summary")).Click();
        wait.Until(d => d.FindElements(By.CssSelector($"{Row} .consent-receipts li[data-event='withdrawn']")).Count == 1);
        var ledger = browser.FindElements(By.CssSelector($"{Row} .consent-ledger tbody tr")).Select(r => r.GetAttribute("data-type")).ToList();
        Assert.Equal(["requested", "given", "withdrawn"], ledger);
        Assert.NotEmpty(browser.FindElements(By.CssSelector($"{Row} .consent-grant")));

        // The gateway's own record agrees.
        using var http = await PanelSignIn.SignInAsync(demo.Panel);
        var overview = await http.GetFromJsonAsync<JsonElement>("/api/consent");
        var consent = overview.GetProperty("consents").EnumerateArray()
            .Single(c => c.GetProperty("purpose").GetString() == "city-energy-planning" && c.GetProperty("category").GetString() == DataCategories.ElectricImportEnergy);
        Assert.Equal("withdrawn", consent.GetProperty("status").GetString());
        Assert.Equal("P1M", consent.GetProperty("granularity").GetString());
    }

    [Fact]
    public async Task EgressScreen_ShowsASentMessage_ExactlyAsTheBrokerReceivedIt()
    {
        using var directory = new TemporaryDirectory();
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        await using var home = await ConsentedHome.StartAsync(city, directory.Path, "gw-egress-ui-01");
        var (gateway, received) = (home.Gateway, home.FirstAggregate);
        var messageId = received.Property("msg-id");
        Assert.NotNull(messageId);

        // Delivery is logged once the broker's PUBACK arrives.
        await Eventually.TrueAsync(async () =>
        {
            var page = await gateway.Http.GetFromJsonAsync<JsonElement>("/api/egress?status=sent");
            return page.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("messageId").GetString() == messageId);
        }, TimeSpan.FromSeconds(30), () => $"{messageId} never logged as sent:{Environment.NewLine}{gateway.Output}");

        using var browser = HeadlessChromium.Start(Path.Combine(directory.Path, "chromium"), 1024, 600);
        var wait = PanelPage.Open(browser, await GatewayPanelAsync(gateway), setupCode: null);
        PanelPage.Show(browser, wait, "egress", $"status=sent&purpose={CityCouncil.EnergyPurpose}");
        var entry = wait.Until(d => d.FindElements(By.CssSelector($".egress-entry[data-msg-id='{messageId}']")).FirstOrDefault());

        Assert.Equal("sent", entry!.GetAttribute("data-status"));
        Assert.Equal(received.Topic, entry.FindElement(By.CssSelector(".egress-topic")).Text);
        Assert.Equal(received.Text, entry.FindElement(By.CssSelector(".egress-raw")).GetDomProperty("textContent"));
        using (var shown = JsonDocument.Parse(entry.FindElement(By.CssSelector(".egress-payload")).Text))
        using (var sent = JsonDocument.Parse(received.Payload))
        {
            Assert.Equal(sent.RootElement.ToString(), JsonDocument.Parse(received.Text).RootElement.ToString());
            Assert.True(JsonElement.DeepEquals(sent.RootElement, shown.RootElement), "the pretty-printed payload differs from what the broker received");
        }

        var properties = entry.FindElements(By.CssSelector(".egress-properties tr"))
            .Select(r => $"{r.FindElement(By.TagName("th")).GetDomProperty("textContent")}={r.FindElement(By.TagName("td")).GetDomProperty("textContent")}")
            .ToList();
        Assert.Equal(received.UserProperties.Select(p => $"{p.Key}={p.Value}"), properties);
        Assert.Contains($"consent-ref={received.Property("consent-ref")}", properties);

        // Every row the filter shows is for that purpose, and all of them were sent.
        Assert.All(browser.FindElements(By.CssSelector(".egress-entry")), e => Assert.Equal("sent", e.GetAttribute("data-status")));

        // The city link and the outbox, as /api/status has them: connected, and what waits against its budget.
        var link = browser.FindElement(By.Id("egress-link"));
        Assert.Equal("up", link.GetAttribute("data-state"));
        Assert.Contains("Connected to the city's broker since", browser.FindElement(By.Id("egress-link-state")).Text, StringComparison.Ordinal);
        var outbox = browser.FindElement(By.Id("egress-outbox"));
        Assert.Matches(@"^\d+ data windows waiting to be sent \(at most 26,280 are kept\)\.$", outbox.Text);

        // The broker goes away: the screen says so, with the reason, and that nothing is lost.
        await city.Broker.StopAsync();
        await Eventually.TrueAsync(async () => !(await gateway.Http.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("cityLink").GetProperty("connected").GetBoolean(),
            TimeSpan.FromSeconds(30), () => $"the gateway never noticed the broker had gone:{Environment.NewLine}{gateway.Output}");
        PanelPage.Show(browser, wait, "egress");
        wait.Until(d => d.FindElement(By.Id("egress-link")).GetAttribute("data-state") == "down");
        Assert.Contains("Not connected to the city's broker since", browser.FindElement(By.Id("egress-link-state")).Text, StringComparison.Ordinal);
        Assert.Contains("nothing is lost", browser.FindElement(By.Id("egress-link-state")).Text, StringComparison.Ordinal);
        Assert.StartsWith("Last error: ", browser.FindElement(By.Id("egress-link-error")).Text, StringComparison.Ordinal);
        browser.FindElement(By.Id("lang-toggle")).Click();
        wait.Until(d => d.FindElement(By.Id("egress-link-state")).Text.Contains("接続できていません", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConsentCard_ShowsTheCitysSignedDeletionConfirmation_InEnglishAndJapanese()
    {
        using var directory = new TemporaryDirectory();
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        await using var home = await ConsentedHome.StartAsync(city, directory.Path, "gw-deleted-ui-01");
        var gateway = home.Gateway;

        // Withdrawn: the gateway asks the city to delete what it holds of that data set.
        await home.Consents.WithdrawAsync(home.Granted.Grant.ConsentId, CancellationToken.None);
        RecordedMessage? deletion = null;
        await Eventually.TrueAsync(() => (deletion = city.Recorder.Messages.FirstOrDefault(m => m.Topic.EndsWith("/deletion", StringComparison.Ordinal))) is not null,
            TimeSpan.FromSeconds(60), () => $"no deletion request reached the broker:{Environment.NewLine}{gateway.Output}");
        var request = DeletionRequestPayload.Read(deletion!.Payload);

        // The city's answer, signed with its key, retained on the data set's confirmation topic.
        var at = new DateTimeOffset(2026, 12, 6, 5, 30, 0, TimeSpan.Zero);
        var confirmation = new DeletionConfirmationMessage("opaque-ref", request.Purpose, request.Category, request.Pseudonym, request.Recipient, deletion.Property("msg-id")!, 3, at);
        using (var key = System.Security.Cryptography.ECDsa.Create())
        {
            key.ImportFromPem(await File.ReadAllTextAsync(city.SigningKeyFile));
            var jws = Es256Jws.Sign(DeletionConfirmationPayload.Write(confirmation), key, JwsHeader.Thumbprinted(key, contentType: JwsContentTypes.DeletionConfirmation));
            await city.PublishRawAsync(WireTopics.DeletionConfirmation(request.Purpose, request.Pseudonym), Encoding.ASCII.GetBytes(jws));
        }

        using var browser = HeadlessChromium.Start(Path.Combine(directory.Path, "chromium"), 1024, 700);
        var wait = PanelPage.Open(browser, await GatewayPanelAsync(gateway), setupCode: null);
        PanelPage.Show(browser, wait, "consent");
        var confirmed = new WebDriverWait(browser, TimeSpan.FromSeconds(60)).Until(d =>
        {
            // The card is drawn from /api/consent; look again until the receiver has verified and stored the answer.
            var shown = d.FindElements(By.CssSelector($"{Row} .consent-deletion-confirmed")).FirstOrDefault();
            if (shown is null)
            {
                PanelPage.Show(browser, wait, "consent");
            }

            return shown;
        });
        Assert.Equal("The city confirmed deletion on 6 December 2026.", confirmed!.Text);

        browser.FindElement(By.Id("lang-toggle")).Click();
        wait.Until(d => d.FindElement(By.TagName("html")).GetAttribute("lang") == "ja");
        var japanese = wait.Until(d => d.FindElements(By.CssSelector($"{Row} .consent-deletion-confirmed")).FirstOrDefault(e => e.Text.StartsWith("市は", StringComparison.Ordinal)));
        Assert.Equal("市は2026年12月6日に削除を確認しました。", japanese!.Text);
    }

    private static Task<Uri> GatewayPanelAsync(CityGateway gateway) =>
        Task.FromResult(gateway.Http.BaseAddress!);

    /// <summary>
    /// A household whose consent to hourly import energy was given three hours "earlier today" (so closed hourly windows
    /// exist at once, see ConsentProofEndToEndTests), and its gateway connected to <paramref name="city"/>, once the first
    /// consented aggregate has reached the city's broker.
    /// </summary>
    private sealed class ConsentedHome(ServiceProvider household, CityGateway gateway, ConsentDecision granted, RecordedMessage firstAggregate) : IAsyncDisposable
    {
        public CityGateway Gateway => gateway;

        public ConsentService Consents => household.GetRequiredService<ConsentService>();

        public ConsentDecision Granted => granted;

        public RecordedMessage FirstAggregate => firstAggregate;

        public static async Task<ConsentedHome> StartAsync(CityCouncil city, string directory, string gatewayId)
        {
            var gatewayDirectory = Path.Combine(directory, "home");
            var clock = new ShiftedTimeProvider(TimeSpan.FromHours(-3));
            var catalogue = city.SignCatalogue(clock.GetUtcNow());
            var household = city.HouseholdConsents(Path.Combine(gatewayDirectory, "aizu-demo-data", "aizu.db"), clock);
            Assert.Equal(CatalogueStatus.Accepted, (await household.GetRequiredService<PurposeCatalogueService>().ApplyAsync(Encoding.UTF8.GetBytes(catalogue))).Status);
            await city.PublishCatalogueAsync(catalogue);

            var gateway = await CityGateway.StartAsync(gatewayDirectory, city.Broker.Port, gatewayId, "07202-kitaaizu", city.PublicKeyFile);
            var granted = await household.GetRequiredService<ConsentService>().GrantAsync(
                CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, Granularity.Hour, null, null, CancellationToken.None);
            var data = $"aizu/v1/dt/{CityCouncil.EnergyPurpose}/{DataCategories.ElectricImportEnergy}/";
            RecordedMessage? received = null;
            await Eventually.TrueAsync(() => (received = city.Recorder.Messages.FirstOrDefault(m => m.Topic.StartsWith(data, StringComparison.Ordinal))) is not null,
                TimeSpan.FromSeconds(60), () => $"no consented aggregate reached the broker:{Environment.NewLine}{gateway.Output}");
            return new ConsentedHome(household, gateway, granted, received!);
        }

        public async ValueTask DisposeAsync()
        {
            await gateway.DisposeAsync();
            await household.DisposeAsync();
        }
    }
}
