namespace Aizu.Panel.Tests.Consent;

/// <summary>
/// The consent card's "the city confirmed deletion on …": a withdrawal's deletion request recorded by the real
/// egress journal, the city's signed confirmation through the real receiver, and <c>GET /api/consent</c>.
/// </summary>
public sealed class DeletionConfirmationEndpointTests
{
    [Fact]
    public async Task SignedConfirmationOfOurRequest_ShowsOnTheWithdrawnConsent_WithItsDate()
    {
        await using var panel = await ConsentPanel.StartAsync(egress: true);
        await panel.ApplyCatalogueAsync(1);
        string consentId;
        using (var granted = await panel.Client.PostAsJsonAsync("/api/consent/grants", new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy }))
        {
            consentId = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consent").GetProperty("consentId").GetString()!;
        }

        // The background egress pass publishes the grant's consent state, which records its data set; a deletion
        // request is only awaited for a data set on record, so the test starts from there, not from a race with it.
        var journal = panel.Service<EgressJournal>();
        await Eventually.TrueAsync(async () => (await journal.GetDataSetsAsync(CancellationToken.None)).Count > 0, "the egress pass to record the grant's data set");

        using (var withdrawn = await panel.Client.PostAsync($"/api/consent/grants/{consentId}/withdraw", null))
        {
            withdrawn.EnsureSuccessStatusCode();
        }

        // The deletion request the egress side queues for a data set it sent data in.
        var grant = (await panel.Consents.GetGrantsAsync(CancellationToken.None)).Single(g => g.ConsentId == consentId);
        var dataSet = await panel.Service<DataSets>().AtAsync(grant.Purpose, grant.Recipient, DateTimeOffset.UtcNow, CancellationToken.None);
        var request = await panel.Service<EgressPolicy>().CreateDeletionRequestAsync(grant, dataSet, [grant.Version], false, CancellationToken.None);
        await journal.CommitConsentMessagesAsync([], [(grant.Reference, dataSet.Pseudonym, request)], CancellationToken.None);
        var receiver = panel.Service<DeletionConfirmationReceiver>();
        var topic = WireTopics.DeletionConfirmation(dataSet.Purpose, dataSet.Pseudonym);
        Assert.Equal([topic], await receiver.GetTopicsAsync(CancellationToken.None));

        var before = (await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent")).GetProperty("consents").EnumerateArray().Single(c => c.GetProperty("consentId").GetString() == consentId);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("deletionConfirmed").ValueKind);

        var at = new DateTimeOffset(2026, 12, 6, 5, 30, 0, TimeSpan.Zero);
        var confirmation = new DeletionConfirmationMessage("opaque-ref", dataSet.Purpose, grant.Category, dataSet.Pseudonym, "city-energy-office", request.MessageId, 17, at);
        Assert.NotNull(await receiver.AcceptAsync(topic, panel.SignAsCity(DeletionConfirmationPayload.Write(confirmation), JwsContentTypes.DeletionConfirmation), CancellationToken.None));

        var shown = (await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent")).GetProperty("consents").EnumerateArray().Single(c => c.GetProperty("consentId").GetString() == consentId);
        var confirmed = shown.GetProperty("deletionConfirmed");
        Assert.Equal(at, confirmed.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(17, confirmed.GetProperty("rows").GetInt64());
        Assert.Equal("city-energy-office", confirmed.GetProperty("recipient").GetString());
        Assert.Empty(await receiver.GetTopicsAsync(CancellationToken.None));

        // Edited behind the gateway's back (a restored backup, a technician): the row no longer says what the city
        // signed, so the card stops claiming a confirmation.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={panel.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE egress_deletion_confirmation SET rows_deleted = 999;";
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var edited = (await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent")).GetProperty("consents").EnumerateArray().Single(c => c.GetProperty("consentId").GetString() == consentId);
        Assert.Equal(JsonValueKind.Null, edited.GetProperty("deletionConfirmed").ValueKind);
    }
}
