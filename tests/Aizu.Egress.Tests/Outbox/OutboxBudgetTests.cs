namespace Aizu.Egress.Tests.Outbox;

/// <summary>The outbox budget (<see cref="EgressOptions.OutboxMaxPending"/>) on a real SQLite file: oldest data windows go first.</summary>
public sealed class OutboxBudgetTests : IDisposable
{
    private const int Budget = 5;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));
    private readonly FakeTimeProvider time = new(T0);
    private readonly TestConsentRegistry registry = new();
    private readonly EgressUnderTest sut;
    private readonly ConsentGrant hourly = new("plan-h", 1, DataCategories.ElectricImportEnergy, Granularity.Hour, "city-energy-planning",
        "https://w3id.org/dpv#ImprovePublicServices", "city-energy-office", false, new ValueTransform(100), T0, T0.AddDays(365), ConsentStatus.Given);

    public OutboxBudgetTests()
    {
        sut = new EgressUnderTest(registry, time, "aizu-sut.Budget-", Budget);
        registry.Give(hourly, T0);
    }

    public void Dispose() => sut.Dispose();

    [Fact]
    public async Task A_day_of_outage_keeps_the_outbox_at_its_budget_with_the_newest_windows_in_order_and_delivered_rows_untouched()
    {
        // Before the outage: the data set's state and two windows reach the city.
        Assert.Single(await sut.PublishConsentStateAsync());
        var delivered = new List<string>();
        for (var hour = 0; hour < 2; hour++)
        {
            var id = await ReleaseAsync(hour);
            Assert.Equal(id, (await sut.Outbox.GetNextDueAsync(CancellationToken.None))!.MessageId);
            await sut.Outbox.MarkDeliveredAsync(id, 0, CancellationToken.None);
            delivered.Add(id);
        }

        // A day without the broker: 24 hourly windows for a budget of 5.
        var waiting = new List<string>();
        for (var hour = 2; hour < 26; hour++)
        {
            waiting.Add(await ReleaseAsync(hour));
            Assert.True((await sut.Outbox.ListPendingAsync(CancellationToken.None)).Count <= Budget);
        }

        var pending = await sut.Outbox.ListPendingAsync(CancellationToken.None);
        Assert.Equal(waiting.TakeLast(Budget), pending.Select(m => m.MessageId));
        var status = await sut.Budget.GetStatusAsync(CancellationToken.None);
        Assert.Equal(new OutboxBudgetStatus(Budget, Budget, waiting.Count - Budget, time.GetUtcNow()), status);

        // One line per window that pushed the outbox over, each naming the one oldest window it dropped.
        Assert.Equal(waiting.Count - Budget, sut.BudgetLog.Count(4120));
        Assert.All(sut.BudgetLog.Entries, e => Assert.Contains("dropped the 1 oldest", e.Message, StringComparison.Ordinal));

        // The delivered rows (newest first from the list) are all still there.
        var rows = await sut.Outbox.ListAsync(OutboxState.Delivered, 100, CancellationToken.None);
        Assert.Equal(delivered, rows.Where(r => r.Kind == MessageKind.Data).Select(r => r.MessageId).Reverse());
        Assert.Single(rows, r => r.Kind == MessageKind.ConsentState);

        // The broker is back: the kept windows leave oldest first, and nothing else.
        var sent = new List<string>();
        while (await sut.Outbox.GetNextDueAsync(CancellationToken.None) is { } next)
        {
            await sut.Outbox.MarkDeliveredAsync(next.MessageId, 0, CancellationToken.None);
            sent.Add(next.MessageId);
        }

        Assert.Equal(waiting.TakeLast(Budget), sent);
    }

    [Fact]
    public async Task The_window_the_uplink_holds_is_never_dropped_so_its_delivery_is_logged()
    {
        Assert.Single(await sut.PublishConsentStateAsync());
        var first = await ReleaseAsync(0);
        Assert.Equal(first, (await sut.Outbox.GetNextDueAsync(CancellationToken.None))!.MessageId);

        // While the PUBLISH of the oldest is under way, enough windows close to push it out.
        var later = new List<string>();
        for (var hour = 1; hour <= Budget; hour++)
        {
            later.Add(await ReleaseAsync(hour));
        }

        await sut.Outbox.MarkDeliveredAsync(first, 0, CancellationToken.None);

        var pending = await sut.Outbox.ListPendingAsync(CancellationToken.None);
        Assert.Equal(later.Skip(1), pending.Select(m => m.MessageId));
        Assert.Contains(await new EgressLog(sut.DatabasePath).ListAsync(new EgressLogFilter(), CancellationToken.None), e => e.MessageId == first && e.Delivered);
        Assert.Equal(1, (await sut.Budget.GetStatusAsync(CancellationToken.None)).Dropped);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void A_budget_that_is_not_positive_is_refused_at_start_up(string budget)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:Egress:DatabasePath"] = "/tmp/unused.db",
            ["Aizu:Egress:GatewayId"] = "gw-test-0001",
            ["Aizu:Egress:OutboxMaxPending"] = budget,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddAizuEgress(configuration.GetSection("Aizu:Egress")).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EgressOptions>>().Value);

        Assert.Equal("Aizu:Egress:OutboxMaxPending must be between 1 and 1000000 (data windows waiting to be sent).", Assert.Single(failure.Failures));
    }

    // Closes the hour T0 + hour and commits its decision at the window's end; returns the outbox message id.
    private async Task<string> ReleaseAsync(int hour)
    {
        var window = sut.Calendar.Containing(T0.AddHours(hour), Granularity.Hour);
        time.SetUtcNow(window.End.AddMinutes(5));
        var decision = await sut.Policy.DecideAsync(new EnergyAggregate(ConsentTerms.Of(hourly), window, 100 + hour), CancellationToken.None);
        Assert.True(await sut.Journal.CommitAsync(decision, time.GetUtcNow(), CancellationToken.None));
        return decision.Message!.MessageId;
    }
}
