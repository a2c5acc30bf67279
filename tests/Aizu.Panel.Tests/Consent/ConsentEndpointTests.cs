namespace Aizu.Panel.Tests.Consent;

/// <summary>The consent screen's API over real HTTP, on the real consent service, ledger and receipt signing.</summary>
public sealed class ConsentEndpointTests
{
    [Fact]
    public async Task WithoutCatalogue_NothingToDecide_AndGrantIsRefused()
    {
        await using var panel = await ConsentPanel.StartAsync();

        var overview = await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent");
        Assert.True(overview.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, overview.GetProperty("catalogue").ValueKind);
        Assert.Empty(overview.GetProperty("purposes").EnumerateArray());
        Assert.False(overview.GetProperty("egressConfigured").GetBoolean());

        using var grant = await panel.Client.PostAsJsonAsync("/api/consent/grants", new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy });
        Assert.Equal(HttpStatusCode.Conflict, grant.StatusCode);
        Assert.Contains("No purpose catalogue", await grant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await panel.Consents.GetGrantsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Catalogue_ShowsEachPurposeAsRequests_NeverGiven_WithOnlyAllowedGranularities()
    {
        await using var panel = await ConsentPanel.StartAsync();
        await panel.ApplyCatalogueAsync(1);

        var overview = await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent");
        Assert.Equal(1, overview.GetProperty("catalogue").GetProperty("sequence").GetInt64());
        var purposes = overview.GetProperty("purposes").EnumerateArray().ToList();
        var energy = purposes.Single(p => p.GetProperty("id").GetString() == ConsentPanel.EnergyPurpose);
        var research = purposes.Single(p => p.GetProperty("id").GetString() == ConsentPanel.ResearchPurpose);

        // Coarsest first, and 30 minutes only for the research purpose.
        Assert.Equal(["P1M", "P1D", "PT1H"], energy.GetProperty("granularities").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["PT1H", "PT30M"], research.GetProperty("granularities").EnumerateArray().Select(g => g.GetString()));
        Assert.False(energy.GetProperty("research").GetBoolean());
        Assert.True(research.GetProperty("research").GetBoolean());
        Assert.Equal("P1D", energy.GetProperty("proposedGranularity").GetString());
        Assert.Equal(12, energy.GetProperty("defaultMonths").GetInt32());
        Assert.Equal("District energy planning", energy.GetProperty("title").GetProperty("en").GetString());

        // Three requests (two categories + one), none of them consent.
        var consents = overview.GetProperty("consents").EnumerateArray().ToList();
        Assert.Equal(3, consents.Count);
        Assert.All(consents, c =>
        {
            Assert.Equal("requested", c.GetProperty("status").GetString());
            Assert.True(c.GetProperty("pending").GetBoolean());
            Assert.False(c.GetProperty("active").GetBoolean());
            Assert.False(c.GetProperty("changed").GetBoolean());
        });
        Assert.Equal(3, overview.GetProperty("requests").GetArrayLength());
        Assert.Empty(overview.GetProperty("reminders").EnumerateArray());
    }

    [Fact]
    public async Task Grant_ThenWithdraw_RecordsLedgerEntries_AndSignedReceiptsThatVerifyOffline()
    {
        await using var panel = await ConsentPanel.StartAsync();
        await panel.ApplyCatalogueAsync(1);

        using var granted = await panel.Client.PostAsJsonAsync("/api/consent/grants",
            new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy, granularity = "P1M", months = 6 });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var decision = await granted.Content.ReadFromJsonAsync<JsonElement>();
        var consent = decision.GetProperty("consent");
        var consentId = consent.GetProperty("consentId").GetString()!;
        Assert.Equal("given", consent.GetProperty("status").GetString());
        Assert.True(consent.GetProperty("active").GetBoolean());
        Assert.Equal("P1M", consent.GetProperty("granularity").GetString());
        var expires = consent.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddMonths(6).AddMinutes(-5), DateTimeOffset.UtcNow.AddMonths(6).AddMinutes(5));

        var receipt = decision.GetProperty("receipt");
        Assert.True(receipt.GetProperty("verified").GetBoolean());
        Assert.Equal("given", receipt.GetProperty("event").GetString());
        Assert.Equal("household", receipt.GetProperty("actor").GetString());
        Assert.Equal(DataCategories.ElectricImportEnergy, receipt.GetProperty("category").GetString());
        Assert.Equal("city-energy-office", receipt.GetProperty("recipient").GetString());
        var receiptId = receipt.GetProperty("receiptId").GetString()!;
        var jws = receipt.GetProperty("jws").GetString()!;

        // The download is the stored JWS, as a file, and verifies with the gateway's public key alone.
        using (var file = await panel.Client.GetAsync($"/api/consent/receipts/{receiptId}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/jose", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"aizu-receipt-{receiptId}.jws", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal(jws, (await file.Content.ReadAsStringAsync()).Trim());
        }

        var publicKey = await panel.Client.GetStringAsync("/api/consent/public-key");
        Assert.True(ReceiptVerifier.Verify(jws, publicKey).IsValid);
        Assert.False(ReceiptVerifier.Verify(jws[..^2] + (jws[^2] == 'A' ? "B" : "A") + jws[^1], publicKey).IsValid);

        using var withdrawn = await panel.Client.PostAsync($"/api/consent/grants/{consentId}/withdraw", null);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consent");
        Assert.Equal("withdrawn", after.GetProperty("status").GetString());
        Assert.False(after.GetProperty("active").GetBoolean());
        Assert.Equal(["given", "withdrawn"], after.GetProperty("receipts").EnumerateArray().Select(r => r.GetProperty("event").GetString()));
        Assert.Equal(["requested", "given", "withdrawn"], after.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["city", "household", "household"], after.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("actor").GetString()));

        // The view of the withdrawal receipt names the ledger entry, which the ledger still holds with that hash.
        var lastReceipt = after.GetProperty("receipts")[1].GetProperty("receiptId").GetString();
        var view = await panel.Client.GetFromJsonAsync<JsonElement>($"/api/consent/receipts/{lastReceipt}/view");
        Assert.True(view.GetProperty("verified").GetBoolean());
        Assert.Equal("withdrawn", view.GetProperty("event").GetString());
        var lastEntry = after.GetProperty("history")[2];
        Assert.Equal(lastEntry.GetProperty("hash").GetString(), view.GetProperty("ledgerHash").GetString());
        Assert.True((await panel.Consents.Ledger.VerifyAsync(CancellationToken.None)).IsIntact);

        // Withdrawing again is refused with a sentence, and records nothing.
        using var again = await panel.Client.PostAsync($"/api/consent/grants/{consentId}/withdraw", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(3, (await panel.Consents.Ledger.ReadEventsAsync(0, CancellationToken.None)).Count(e => e.ConsentId == consentId));
    }

    [Fact]
    public async Task Grant_RefusesWhatTheRulesForbid()
    {
        await using var panel = await ConsentPanel.StartAsync();
        await panel.ApplyCatalogueAsync(1);

        using (var halfHour = await panel.Client.PostAsJsonAsync("/api/consent/grants", new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy, granularity = "PT30M" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, halfHour.StatusCode);
            Assert.Contains("PT30M", await halfHour.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var finer = await panel.Client.PostAsJsonAsync("/api/consent/grants", new { purpose = ConsentPanel.ResearchPurpose, category = DataCategories.ElectricImportEnergy, granularity = "PT15M" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, finer.StatusCode);
            Assert.Contains("finer than 30 minutes", await finer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var tooLong = await panel.Client.PostAsJsonAsync("/api/consent/grants", new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy, months = 13 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        }

        using (var notAsked = await panel.Client.PostAsJsonAsync("/api/consent/grants", new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.IndoorEnvironmentSummary }))
        {
            Assert.Equal(HttpStatusCode.Conflict, notAsked.StatusCode);
        }

        // Without the anti-forgery header nothing is recorded.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/consent/grants")
        {
            Content = JsonContent.Create(new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy }),
        };
        var session = await panel.Client.GetFromJsonAsync<SessionState>("/api/session");
        panel.Client.DefaultRequestHeaders.Remove(session!.CsrfHeader);
        using (var forged = await panel.Client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.All(await panel.Consents.GetGrantsAsync(CancellationToken.None), g => Assert.Equal(ConsentStatus.Requested, g.Status));
    }

    [Fact]
    public async Task Anonymous_CannotSeeConsentsOrTheEgressLog()
    {
        await using var panel = await ConsentPanel.StartAsync(signIn: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await panel.Client.GetAsync("/api/consent")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await panel.Client.GetAsync("/api/consent/public-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await panel.Client.GetAsync("/api/egress")).StatusCode);
    }

    [Fact]
    public async Task ExpiringConsent_ShowsAReminder_AndRenewsForTwelveMonths()
    {
        await using var panel = await ConsentPanel.StartAsync();
        await panel.ApplyCatalogueAsync(1);

        // Decided 350 days ago (by the same ledger, as 'aizu consent grant' would): 15 days left.
        string consentId;
        using (var earlier = panel.HouseholdConsents(new OffsetClock(TimeSpan.FromDays(-350))))
        {
            var decision = await earlier.GetRequiredService<ConsentService>().GrantAsync(
                ConsentPanel.EnergyPurpose, DataCategories.ElectricExportEnergy, Granularity.Day, null, TimeSpan.FromDays(365), CancellationToken.None);
            consentId = decision.Grant.ConsentId;
        }

        var overview = await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent");
        var reminder = Assert.Single(overview.GetProperty("reminders").EnumerateArray());
        Assert.Equal(consentId, reminder.GetProperty("consentId").GetString());
        Assert.InRange(reminder.GetProperty("daysLeft").GetInt32(), 14, 15);
        Assert.True(reminder.GetProperty("canRenew").GetBoolean());

        using var renewed = await panel.Client.PostAsJsonAsync($"/api/consent/grants/{consentId}/renew", new { });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var consent = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consent");
        Assert.Equal("renewed", consent.GetProperty("status").GetString());
        Assert.InRange(consent.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMonths(12).AddMinutes(-5), DateTimeOffset.UtcNow.AddMonths(12).AddMinutes(5));
        Assert.Empty((await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent")).GetProperty("reminders").EnumerateArray());
    }

    [Fact]
    public async Task ChangedPurpose_BecomesANewRequest_AndRefuseAndDeferAreRecorded()
    {
        await using var panel = await ConsentPanel.StartAsync();
        await panel.ApplyCatalogueAsync(1);
        using (await panel.Client.PostAsJsonAsync("/api/consent/grants", new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy }))
        {
        }

        // The city now sends the data to another recipient: the consent ends and a fresh request appears.
        await panel.ApplyCatalogueAsync(2, ConsentPanel.StandardPurposes(energyVersion: 2, energyRecipient: "regional-energy-agency"));
        var overview = await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent");
        var import = overview.GetProperty("consents").EnumerateArray()
            .Single(c => c.GetProperty("purpose").GetString() == ConsentPanel.EnergyPurpose && c.GetProperty("category").GetString() == DataCategories.ElectricImportEnergy);
        Assert.Equal("requested", import.GetProperty("status").GetString());
        Assert.True(import.GetProperty("changed").GetBoolean());
        Assert.Equal("regional-energy-agency", import.GetProperty("recipient").GetString());
        Assert.Contains("revoked", import.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        var id = import.GetProperty("consentId").GetString();
        using var deferred = await panel.Client.PostAsync($"/api/consent/grants/{id}/defer", null);
        Assert.Equal("deferred", (await deferred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consent").GetProperty("status").GetString());
        using var refused = await panel.Client.PostAsync($"/api/consent/grants/{id}/refuse", null);
        var result = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("refused", result.GetProperty("consent").GetProperty("status").GetString());
        Assert.True(result.GetProperty("receipt").GetProperty("verified").GetBoolean());
    }
}
