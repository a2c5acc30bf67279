namespace Aizu.Egress.Tests.Policy;

/// <summary>The policy's checks and the outbox's second check at send time, on a real SQLite file.</summary>
public sealed class EgressPolicyTests : EgressSceneTests
{
    private readonly ConsentGrant daily = new("plan-b", 1, DataCategories.ElectricImportEnergy, Granularity.Day, "city-energy-planning",
        "https://w3id.org/dpv#ImprovePublicServices", "city-energy-office", false, new ValueTransform(100), T0, T0.AddDays(365), ConsentStatus.Given);

    public EgressPolicyTests()
        : base("aizu-sut.Policy-")
    {
        Registry.Give(daily, T0);
    }

    [Fact]
    public async Task Decide_ClosedDayWindowOfAnActiveGrant_ReleasesStampedSenml()
    {
        var decision = await Sut.Policy.DecideAsync(Aggregate(daily, Sut.Calendar.Containing(T0, Granularity.Day), 8449.9), CancellationToken.None);

        Assert.Equal(ReleaseOutcome.Released, decision.Outcome);
        var message = decision.Message!;
        Assert.Equal($"aizu/v1/dt/city-energy-planning/elec.import.energy/{decision.Pseudonym}", message.Topic);
        Assert.Equal("plan-b@1", message.ConsentReference);
        Assert.Equal(["consent-ref", "purpose", "agg", "schema", "msg-id"], message.UserProperties.Select(p => p.Key));

        // On the wire only the data set's own opaque reference: the consent id stays in the gateway's records.
        var reference = message.UserProperties[0].Value;
        Assert.Matches("^[0-9a-f]{24}$", reference);
        Assert.Equal(await Sut.DataSets.ReferenceAsync(decision.DataSet!, "plan-b", 1, CancellationToken.None), reference);
        Assert.Equal(("city-energy-planning", "city-energy-office", "2026"), (decision.DataSet!.Purpose, decision.DataSet.Recipient, decision.DataSet.Period));
        Assert.Contains("\"v\":8400", System.Text.Encoding.UTF8.GetString(message.Payload.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_RefusesEverythingThatDoesNotMatchTheGrantExactly()
    {
        var day = Sut.Calendar.Containing(T0, Granularity.Day);
        var hour = Sut.Calendar.Containing(T0, Granularity.Hour);
        var cases = new (string Why, EnergyAggregate Aggregate)[]
        {
            ("finer window", Aggregate(daily, hour, 100)),
            ("terms claim another granularity", new EnergyAggregate(ConsentTerms.Of(daily) with { Granularity = Granularity.Hour }, hour, 100)),
            ("another purpose", new EnergyAggregate(ConsentTerms.Of(daily) with { Purpose = "marketing" }, day, 100)),
            ("another recipient", new EnergyAggregate(ConsentTerms.Of(daily) with { Recipient = "broker-co" }, day, 100)),
            ("another category", new EnergyAggregate(ConsentTerms.Of(daily) with { Category = DataCategories.ElectricExportEnergy }, day, 100)),
            ("shifted window", Aggregate(daily, day with { Start = day.Start.AddHours(1), End = day.End.AddHours(1) }, 100)),
            ("open window", Aggregate(daily, Sut.Calendar.Containing(Time.GetUtcNow(), Granularity.Day), 100)),
            ("before the grant", Aggregate(daily, Sut.Calendar.Containing(T0.AddDays(-1), Granularity.Day), 100)),
            ("unknown version", new EnergyAggregate(ConsentTerms.Of(daily) with { Version = 2 }, day, 100)),
            ("not a value", Aggregate(daily, day, double.NaN)),
        };

        foreach (var (why, aggregate) in cases)
        {
            var decision = await Sut.Policy.DecideAsync(aggregate, CancellationToken.None);
            Assert.True(decision.Outcome == ReleaseOutcome.Refused && decision.Message is null, $"{why} was not refused");
        }
    }

    [Theory]
    [InlineData(ConsentStatus.Requested)]
    [InlineData(ConsentStatus.Deferred)]
    [InlineData(ConsentStatus.Refused)]
    [InlineData(ConsentStatus.Withdrawn)]
    [InlineData(ConsentStatus.Revoked)]
    [InlineData(ConsentStatus.Expired)]
    public async Task Decide_GrantNotGivenOrRenewed_Refuses(ConsentStatus status)
    {
        var other = daily with { ConsentId = "other", Status = status };
        Registry.Give(other, T0);

        var decision = await Sut.Policy.DecideAsync(Aggregate(other, Sut.Calendar.Containing(T0, Granularity.Day), 100), CancellationToken.None);

        Assert.Equal(ReleaseOutcome.Refused, decision.Outcome);
    }

    [Fact]
    public async Task Outbox_ConsentWithdrawnAfterCommit_DropsTheMessageInsteadOfHandingItOut()
    {
        var decision = await Sut.Policy.DecideAsync(Aggregate(daily, Sut.Calendar.Containing(T0, Granularity.Day), 5000), CancellationToken.None);
        Assert.True(await Sut.Journal.CommitAsync(decision, Time.GetUtcNow(), CancellationToken.None));
        Assert.Single(await Sut.Outbox.ListPendingAsync(CancellationToken.None));

        Registry.Withdraw(daily.ConsentId, Time.GetUtcNow());

        Assert.Null(await Sut.Outbox.GetNextDueAsync(CancellationToken.None));
        var entry = Assert.Single(await Sut.Outbox.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(OutboxState.Dropped, entry.State);
        Assert.Contains("Withdrawn", entry.LastReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_ConsentExpiredBeforeSending_DropsTheMessage()
    {
        var shortLived = daily with { ConsentId = "short", ExpiresAt = T0.AddDays(2).AddHours(1) };
        Registry.Give(shortLived, T0);
        var decision = await Sut.Policy.DecideAsync(Aggregate(shortLived, Sut.Calendar.Containing(T0, Granularity.Day), 5000), CancellationToken.None);
        await Sut.Journal.CommitAsync(decision, Time.GetUtcNow(), CancellationToken.None);

        Time.Advance(TimeSpan.FromHours(2));

        Assert.Null(await Sut.Outbox.GetNextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Journal_DecisionAndOutboxRow_AreCommittedTogetherAndOnlyOnce()
    {
        var window = Sut.Calendar.Containing(T0, Granularity.Day);
        var first = await Sut.Policy.DecideAsync(Aggregate(daily, window, 5000), CancellationToken.None);
        var second = await Sut.Policy.DecideAsync(Aggregate(daily, window, 5000), CancellationToken.None);

        Assert.True(await Sut.Journal.CommitAsync(first, Time.GetUtcNow(), CancellationToken.None));
        Assert.False(await Sut.Journal.CommitAsync(second, Time.GetUtcNow(), CancellationToken.None));

        Assert.Equal(first.Message!.MessageId, Assert.Single(await Sut.Outbox.ListPendingAsync(CancellationToken.None)).MessageId);
        Assert.Equal(window.Start, await Sut.Journal.GetLastDecidedWindowStartAsync(daily.ConsentId, CancellationToken.None));
    }

    [Fact]
    public async Task Outbox_MessagesComeOutInCommitOrder_AndARefusedOneWaitsWithoutBlockingTheRest()
    {
        Assert.Single(await Sut.PublishConsentStateAsync());
        var ids = new List<string>();
        for (var day = 0; day < 3; day++)
        {
            var decision = await Sut.Policy.DecideAsync(Aggregate(daily, Sut.Calendar.Containing(T0.AddDays(day), Granularity.Day), 1000), CancellationToken.None);
            if (decision.Message is { } message)
            {
                ids.Add(message.MessageId);
                await Sut.Journal.CommitAsync(decision, Time.GetUtcNow(), CancellationToken.None);
            }
        }

        Assert.Equal(2, ids.Count);
        var head = await Sut.Outbox.GetNextDueAsync(CancellationToken.None);
        Assert.Equal(ids[0], head!.MessageId);
        await Sut.Outbox.MarkFailedAsync(head.MessageId, 0x87, "Not authorized", CancellationToken.None);
        Assert.Equal(ids[1], (await Sut.Outbox.GetNextDueAsync(CancellationToken.None))!.MessageId);
        await Sut.Outbox.MarkDeliveredAsync(ids[1], 0, CancellationToken.None);
        Assert.Null(await Sut.Outbox.GetNextDueAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sut.Outbox.MarkDeliveredAsync(ids[0], 0x87, CancellationToken.None));

        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ids[0], (await Sut.Outbox.GetNextDueAsync(CancellationToken.None))!.MessageId);
    }

    [Fact]
    public async Task Outbox_DataWaitsUntilItsDataSetsConsentStateIsDelivered()
    {
        var decision = await Sut.Policy.DecideAsync(Aggregate(daily, Sut.Calendar.Containing(T0, Granularity.Day), 5000), CancellationToken.None);
        Assert.True(await Sut.Journal.CommitAsync(decision, Time.GetUtcNow(), CancellationToken.None));

        // No state delivered yet: the data is held back, not dropped.
        Assert.Null(await Sut.Outbox.GetNextDueAsync(CancellationToken.None));
        Assert.Equal(OutboxState.Pending, Assert.Single(await Sut.Outbox.ListAsync(null, 10, CancellationToken.None)).State);

        // The keeper queues the data set's state; it comes out first, the data only after its delivery.
        await Sut.Keeper.ReconcileAsync(CancellationToken.None);
        var state = await Sut.Outbox.GetNextDueAsync(CancellationToken.None);
        Assert.Equal(Aizu.Wire.WireTopics.ConsentState("city-energy-planning", decision.Pseudonym!), state!.Topic);
        Assert.Equal(state.MessageId, (await Sut.Outbox.GetNextDueAsync(CancellationToken.None))!.MessageId);
        await Sut.Outbox.MarkDeliveredAsync(state.MessageId, 0, CancellationToken.None);
        Assert.Equal(decision.Message!.MessageId, (await Sut.Outbox.GetNextDueAsync(CancellationToken.None))!.MessageId);
    }

    [Fact]
    public async Task EgressTables_ShareTheReadingStoresFile_WithoutTouchingItsUserVersion()
    {
        var path = Path.Combine(Sut.Directory, "gateway.db");
        await using (var store = new ReadingStore(Options.Create(new StorageOptions { DatabasePath = path }), NullLogger<ReadingStore>.Instance, Sut.Calendar.Calendar))
        {
            await store.AppendAsync([new Aizu.Readings.Reading("elec.import.energy", T0, 1, "kWh")], CancellationToken.None);
        }

        var storeVersion = UserVersion(path);
        await Sut.Journal.GetLastDecidedWindowStartAsync("x", CancellationToken.None);

        Assert.Equal(storeVersion, UserVersion(path));
        Assert.NotEqual(0, storeVersion);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations WHERE component = 'egress'; PRAGMA journal_mode;";
        using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((long)EgressSchema.Component.LatestVersion, reader.GetInt64(0));
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        Assert.Equal("wal", reader.GetString(0));
    }

    private static long UserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations WHERE component = 'storage';";
        return (long)command.ExecuteScalar()!;
    }

    private static EnergyAggregate Aggregate(ConsentGrant grant, AggregationWindow window, double wh) => new(ConsentTerms.Of(grant), window, wh);
}
