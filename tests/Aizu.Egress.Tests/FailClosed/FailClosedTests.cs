namespace Aizu.Egress.Tests.FailClosed;

/// <summary>
/// The egress side's own fail-closed checks, on a real SQLite file: the send-time check against the
/// city's signed catalogue (finding 2), the closed outbox while the ledger is not trusted (finding 1),
/// and the seal on every outbox row (finding 3). The end-to-end versions are in
/// <c>tests/Aizu.Gateway.Tests/CityLink/FailClosedEndToEndTests.cs</c>.
/// </summary>
public sealed class FailClosedTests : EgressSceneTests
{
    private readonly ConsentGrant hourly = new("plan-b", 1, DataCategories.ElectricImportEnergy, Granularity.Hour, "city-energy-planning",
        DpvPurposes.ImprovePublicServices, "city-energy-office", false, new ValueTransform(100), T0, T0.AddDays(365), ConsentStatus.Given);

    public FailClosedTests()
        : base("aizu-failclosed-")
    {
    }

    [Theory]
    [InlineData("recipient", "the signed catalogue names recipient 'city-energy-office'")]
    [InlineData("half-hour", "does not allow PT30M")]
    [InlineData("no-purpose", "is not in the city's signed catalogue")]
    [InlineData("ended", "ended on")]
    public async Task Finding2_AGrantRowTheSignedCatalogueDoesNotAllow_IsRefusedWhenDecided_AndWhenSent(string attack, string reason)
    {
        var grant = attack switch
        {
            "recipient" => hourly with { Recipient = "data-broker-inc" },
            "half-hour" => hourly with { Granularity = Granularity.HalfHour },
            _ => hourly,
        };
        Registry.Give(grant, T0);
        var window = Sut.Calendar.Containing(T0.AddHours(1), grant.Granularity);

        // Allowed while the catalogue the city signed offers exactly these terms …
        Registry.Catalogue = Catalogue(grant with { Recipient = "city-energy-office", Granularity = Granularity.Hour }, validUntil: null);
        if (attack == "no-purpose")
        {
            Registry.Catalogue = Registry.Catalogue with { Purposes = [] };
        }
        else if (attack == "ended")
        {
            Registry.Catalogue = Catalogue(grant, validUntil: T0.AddDays(1));
        }

        var decision = await Sut.Policy.DecideAsync(new EnergyAggregate(ConsentTerms.Of(grant), window, 1234), CancellationToken.None);
        Assert.Equal(ReleaseOutcome.Refused, decision.Outcome);
        Assert.Contains(reason, decision.Detail, StringComparison.Ordinal);

        // … and a row decided while the catalogue allowed it is dropped at send time once it no longer does.
        Registry.Catalogue = Catalogue(grant, validUntil: null);
        var allowed = await Sut.Policy.DecideAsync(new EnergyAggregate(ConsentTerms.Of(grant), window, 1234), CancellationToken.None);
        if (attack == "half-hour")
        {
            Assert.Equal(ReleaseOutcome.Refused, allowed.Outcome);
            return;
        }

        Assert.Equal(ReleaseOutcome.Released, allowed.Outcome);
        Assert.True(await Sut.Journal.CommitAsync(allowed, Time.GetUtcNow(), CancellationToken.None));
        Registry.Catalogue = Catalogue(hourly, validUntil: null) with { Purposes = attack == "no-purpose" ? [] : Catalogue(hourly, validUntil: attack == "ended" ? T0.AddDays(1) : null).Purposes };
        Assert.Null(await Sut.Outbox.GetNextDueAsync(CancellationToken.None));
        var entry = Assert.Single(await Sut.Outbox.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(OutboxState.Dropped, entry.State);
        Assert.Contains(reason, entry.LastReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding1_WhileTheLedgerIsNotTrusted_TheOutboxHandsOutNothing_NotEvenConsentState()
    {
        Registry.Give(hourly, T0);
        var keeper = Sut.Keeper;
        await keeper.ReconcileAsync(CancellationToken.None);
        Assert.Single(await Sut.Outbox.ListPendingAsync(CancellationToken.None));

        Sut.Integrity.Update(Report(intact: false));
        Assert.False(Sut.Integrity.IsOpen);
        Assert.Null(await Sut.Outbox.GetNextDueAsync(CancellationToken.None));
        var waiting = Sut.Outbox.WaitForDueAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        Sut.Integrity.Update(Report(intact: true));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        var next = await Sut.Outbox.GetNextDueAsync(CancellationToken.None);
        Assert.NotNull(next);
        Assert.True(next.Retain);
    }

    [Fact]
    public async Task Finding3_AnEditedRow_IsQuarantined_WhateverItsKind()
    {
        Registry.Give(hourly, T0);
        var keeper = Sut.Keeper;
        await keeper.ReconcileAsync(CancellationToken.None);
        var decision = await Sut.Policy.DecideAsync(new EnergyAggregate(ConsentTerms.Of(hourly), Sut.Calendar.Containing(T0.AddHours(1), Granularity.Hour), 1234), CancellationToken.None);
        Assert.True(await Sut.Journal.CommitAsync(decision, Time.GetUtcNow(), CancellationToken.None));

        using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Sut.Database.DatabasePath, Pooling = false }.ToString()))
        {
            db.Open();
            using var edit = db.CreateCommand();
            edit.CommandText = "UPDATE egress_outbox SET topic = topic || '-x'; UPDATE egress_outbox SET payload = CAST('[{\"v\":1}]' AS BLOB) WHERE kind = 0;";
            edit.ExecuteNonQuery();
        }

        Assert.Null(await Sut.Outbox.GetNextDueAsync(CancellationToken.None));
        var entries = await Sut.Outbox.ListAsync(null, 10, CancellationToken.None);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(OutboxState.Quarantined, e.State);
            Assert.StartsWith("quarantined: its seal does not match", e.LastReason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Item7_SupersededTerms_SendADeletionRequestForThatVersionOnly()
    {
        Registry.Give(hourly, T0);
        await Sut.PublishConsentStateAsync();
        var decision = await Sut.Policy.DecideAsync(new EnergyAggregate(ConsentTerms.Of(hourly), Sut.Calendar.Containing(T0.AddHours(1), Granularity.Hour), 1234), CancellationToken.None);
        Assert.True(await Sut.Journal.CommitAsync(decision, Time.GetUtcNow(), CancellationToken.None));
        var sent = await Sut.Outbox.GetNextDueAsync(CancellationToken.None);
        await Sut.Outbox.MarkDeliveredAsync(sent!.MessageId, 0, CancellationToken.None);

        // The household changes hourly → monthly: version 1 ends (withdrawn), version 2 is given.
        Registry.Withdraw(hourly.ConsentId, Time.GetUtcNow());
        Registry.Give(hourly with { Version = 2, Granularity = Granularity.Month }, Time.GetUtcNow());
        var keeper = Sut.Keeper;
        await keeper.ReconcileAsync(CancellationToken.None);
        await keeper.ReconcileAsync(CancellationToken.None);

        var deletion = Assert.Single(await Sut.Outbox.ListPendingAsync(CancellationToken.None), m => m.Topic.EndsWith("/deletion", StringComparison.Ordinal));
        var request = Aizu.Wire.DeletionRequestPayload.Read(deletion.Payload.Span);
        var dataSet = decision.DataSet!;
        Assert.Equal([await Sut.DataSets.ReferenceAsync(dataSet, "plan-b", 1, CancellationToken.None)], request.Consents);
        Assert.Equal(Aizu.Wire.DeletionRequestPayload.VersionScope, request.Scope);
        Assert.Equal(Aizu.Wire.WireTopics.Deletion("city-energy-planning", dataSet.Pseudonym), deletion.Topic);
        Assert.DoesNotContain("plan-b", System.Text.Encoding.UTF8.GetString(deletion.Payload.Span), StringComparison.Ordinal);
        Assert.Equal(decision.Pseudonym, request.Pseudonym);
        Assert.Matches("\"at\":\"\\d{4}-\\d{2}-\\d{2}\"", System.Text.Encoding.UTF8.GetString(deletion.Payload.Span));
        Assert.Matches("^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$", deletion.MessageId);
    }

    private ConsentIntegrityReport Report(bool intact) =>
        new(intact, 7, intact ? null : 7, intact ? null : "the hash chain breaks at event 7", Time.GetUtcNow(), null);

    private static PurposeCatalogue Catalogue(ConsentGrant grant, DateTimeOffset? validUntil) => new(
        "test city", 1, T0, "https://city.example/privacy", new CatalogueController("test city"),
        [
            new Purpose(grant.Purpose, 1, new LocalizedText("計画", "Planning"), new LocalizedText("計画", "Planning"), grant.PurposeIri, grant.Recipient,
                grant.OnwardSharing, [grant.Category], [grant.Granularity], grant.Retention) { ValidUntil = validUntil },
        ]);
}
