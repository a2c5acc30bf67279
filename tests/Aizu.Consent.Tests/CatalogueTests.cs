namespace Aizu.Consent.Tests;

public sealed class CatalogueTests : ConsentHarnessTests
{
    [Fact]
    public async Task SignedCatalogue_IsAccepted_AndEveryPurposeCategoryBecomesARequest()
    {
        var result = await Harness.PublishAsync(SamplePurposes.Catalogue(1, SamplePurposes.Planning(), SamplePurposes.Research()));

        Assert.Equal(CatalogueStatus.Accepted, result.Status);
        Assert.Equal(1, result.Sequence);
        Assert.Null(result.Problem);
        Assert.Equal(3, result.Requested.Count);
        Assert.All(result.Requested, g => Assert.Equal(ConsentStatus.Requested, g.Status));
        Assert.Empty(result.Revoked);
        var catalogue = await Harness.Consents.GetCatalogueAsync(None);
        var planning = catalogue!.Find(SamplePurposes.PlanningId)!;
        Assert.Equal(SamplePurposes.Planning().Description, planning.Description);
        Assert.Equal(SamplePurposes.Planning().Granularities, planning.Granularities);
        Assert.Equal(1, catalogue.Sequence);
    }

    [Fact]
    public async Task UnsignedCatalogue_IsRejected()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(SamplePurposes.Catalogue(1, SamplePurposes.Planning()), ConsentJson.Default.PurposeCatalogue);
        var unsecured = $"{Base64Url.EncodeToString("{\"alg\":\"none\"}"u8)}.{Base64Url.EncodeToString(json)}.";

        await AssertRejectedAsync(Harness, Encoding.UTF8.GetBytes(unsecured), "unsigned");
        await AssertRejectedAsync(Harness, json, "unsigned");
    }

    [Fact]
    public async Task CatalogueSignedWithAnotherKey_IsRejected()
    {
        using var impostor = P256Keys.Create();
        var jws = Harness.SignCatalogue(SamplePurposes.Catalogue(1, SamplePurposes.Planning()), impostor);

        var problem = await AssertRejectedAsync(Harness, Encoding.UTF8.GetBytes(jws), "signature");
        Assert.Contains("does not match", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogueChangedAfterSigning_IsRejected()
    {
        var jws = Harness.SignCatalogue(SamplePurposes.Catalogue(1, SamplePurposes.Planning()));
        var parts = jws.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("city-energy-office", "ad-broker-inc-corp", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        await AssertRejectedAsync(Harness, Encoding.UTF8.GetBytes(tampered), "tampered");
    }

    [Fact]
    public async Task WithoutAPinnedCityKey_NothingIsAccepted()
    {
        using var harness = new ConsentHarness(o => o.CityPublicKeyPem = "");

        var problem = await AssertRejectedAsync(harness, Encoding.UTF8.GetBytes(harness.SignCatalogue(SamplePurposes.Catalogue(1, SamplePurposes.Planning()))), "no key");

        Assert.Contains("Aizu:Consent:CityPublicKeyPem", problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadPurposes => new()
    {
        { "15-minute data", "finer than 30 minutes" },
        { "instantaneous power", "instantaneous power or current" },
        { "30 minutes for planning", "research purposes only" },
        { "onward sharing to nobody named", "does not name the third parties" },
        { "topic separator in the id", "not usable" },
        { "no retention", "retention" },
        { "no Japanese description", "both Japanese and English" },
        { "no DPV IRI", "DPV" },
        { "pseudonyms kept for ten years", "pseudonym period 'P10Y'" },
    };

    [Theory]
    [MemberData(nameof(BadPurposes))]
    public async Task CatalogueWithAnInvalidPurpose_IsRejectedWhole(string defect, string expected)
    {
        var planning = SamplePurposes.Planning();
        var bad = defect switch
        {
            "15-minute data" => planning with { Granularities = [Granularity.Day, "PT15M"] },
            "instantaneous power" => planning with { Categories = ["elec.instant.power"] },
            "30 minutes for planning" => planning with { Granularities = [Granularity.HalfHour] },
            "onward sharing to nobody named" => planning with { OnwardSharing = true },
            "topic separator in the id" => planning with { Id = "city/planning" },
            "no retention" => planning with { Retention = "forever" },
            "no Japanese description" => planning with { Description = new LocalizedText("", "English only") },
            "pseudonyms kept for ten years" => planning with { PseudonymPeriod = "P10Y" },
            _ => planning with { Dpv = "improve things" },
        };

        var result = await Harness.PublishAsync(SamplePurposes.Catalogue(1, SamplePurposes.Research(), bad));

        Assert.Equal(CatalogueStatus.Rejected, result.Status);
        Assert.Contains(expected, result.Problem, StringComparison.Ordinal);
        Assert.Empty(await Harness.Consents.GetGrantsAsync(None));
    }

    [Fact]
    public async Task PseudonymPeriod_IsMonthlyWhenTheCatalogueSaysSo_AndYearlyWhenItSaysNothing()
    {
        var monthly = SamplePurposes.Planning() with { PseudonymPeriod = PseudonymPeriods.Month };

        Assert.Equal(CatalogueStatus.Accepted, (await Harness.PublishAsync(SamplePurposes.Catalogue(1, SamplePurposes.Research(), monthly))).Status);

        var stored = await Harness.Consents.GetCatalogueAsync(None);
        Assert.Equal(PseudonymPeriods.Month, stored!.Find(monthly.Id)!.PseudonymPeriod);
        Assert.Equal(PseudonymPeriods.Year, stored.Find(SamplePurposes.Research().Id)!.PseudonymPeriod);

        // An edition from before the field (no pseudonymPeriod in its JSON) means the yearly default.
        var json = System.Text.Json.JsonSerializer.Deserialize(
            """{"id":"p","version":1,"title":{"ja":"p","en":"p"},"description":{"ja":"p","en":"p"},"dpv":"https://w3id.org/dpv#ImprovePublicServices","recipient":"r","onwardSharing":false,"categories":[],"granularities":[],"retention":"P24M"}""",
            ConsentJson.Default.Purpose);
        Assert.Equal(PseudonymPeriods.Year, json!.PseudonymPeriod);
    }

    [Fact]
    public async Task OlderCatalogue_IsRejected_AndTheSameOneAgainIsUnchanged()
    {
        var second = Harness.SignCatalogue(SamplePurposes.Catalogue(2, SamplePurposes.Planning()));
        Assert.Equal(CatalogueStatus.Accepted, (await Harness.Catalogues.ApplyAsync(Encoding.UTF8.GetBytes(second))).Status);

        var replayed = await Harness.PublishAsync(SamplePurposes.Catalogue(1, SamplePurposes.Planning(), SamplePurposes.Research()));
        var again = await Harness.Catalogues.ApplyAsync(Encoding.UTF8.GetBytes(second));
        var resigned = await Harness.PublishAsync(SamplePurposes.Catalogue(2, SamplePurposes.Planning()));
        var conflicting = await Harness.PublishAsync(SamplePurposes.Catalogue(2, SamplePurposes.Planning(), SamplePurposes.Research()));

        Assert.Equal(CatalogueStatus.Rejected, replayed.Status);
        Assert.Contains("older", replayed.Problem, StringComparison.Ordinal);
        Assert.Equal(CatalogueStatus.Unchanged, again.Status);
        Assert.Empty(again.Requested);
        Assert.Equal(CatalogueStatus.Unchanged, resigned.Status);
        Assert.Equal(CatalogueStatus.Rejected, conflicting.Status);
        Assert.Contains("higher sequence", conflicting.Problem, StringComparison.Ordinal);
        Assert.Equal(2, (await Harness.Consents.GetGrantsAsync(None)).Count);
    }

    [Fact]
    public async Task StoredCatalogueEditedInTheFile_IsNoLongerTrusted()
    {
        await Harness.RequestPlanningAsync();
        using (var connection = new SqliteConnection($"Data Source={Harness.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE consent_catalogue SET jws = substr(jws, 1, length(jws) - 2) || 'AA';";
            command.ExecuteNonQuery();
        }

        Assert.Null(await Harness.Consents.GetCatalogueAsync(None));
        var refused = await Assert.ThrowsAsync<ConsentException>(() => Harness.GrantPlanningAsync());
        Assert.Contains("No purpose catalogue", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payload_WithSurroundingWhitespace_IsAccepted_ButNotArbitraryBytes()
    {
        var jws = Harness.SignCatalogue(SamplePurposes.Catalogue(1, SamplePurposes.Planning()));

        Assert.Equal(CatalogueStatus.Accepted, (await Harness.Catalogues.ApplyAsync(Encoding.UTF8.GetBytes($"\n{jws}\r\n"))).Status);
        Assert.Equal(CatalogueStatus.Rejected, (await Harness.Catalogues.ApplyAsync(new byte[] { 0xFF, 0xFE, 0x00 })).Status);
        Assert.Equal(CatalogueStatus.Rejected, (await Harness.Catalogues.ApplyAsync(ReadOnlyMemory<byte>.Empty)).Status);
    }

    [Fact]
    public async Task InterruptedReconciliation_IsCompletedAtStartUp()
    {
        await Harness.Store.StoreAsync(1, Harness.SignCatalogue(SamplePurposes.Catalogue(1, SamplePurposes.Planning())), Harness.Time.GetUtcNow(), None);
        Assert.Empty(await Harness.Consents.GetGrantsAsync(None));

        await Harness.Catalogues.ReconcileCurrentAsync(None);

        Assert.Equal(2, (await Harness.Consents.GetGrantsAsync(None)).Count(g => g.Status == ConsentStatus.Requested));
    }

    private static async Task<string> AssertRejectedAsync(ConsentHarness harness, byte[] payload, string because)
    {
        var result = await harness.Catalogues.ApplyAsync(payload);

        Assert.True(result.Status == CatalogueStatus.Rejected, because);
        Assert.False(string.IsNullOrEmpty(result.Problem));
        Assert.Empty(result.Requested);
        Assert.Null(await harness.Consents.GetCatalogueAsync(None));
        Assert.Empty(await harness.Consents.GetGrantsAsync(None));
        return result.Problem!;
    }
}
