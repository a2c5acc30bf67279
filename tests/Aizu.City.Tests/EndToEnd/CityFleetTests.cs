namespace Aizu.City.Tests.EndToEnd;

/// <summary>
/// Forty simulated households (the real gateway egress, outbox and uplink; simulated meters and clocks)
/// with different grants, one mosquitto, one PostgreSQL, and two real <c>aizu-city ingest</c> processes on
/// the shared subscription.
/// </summary>
public sealed class CityFleetTests : IAsyncLifetime
{
    private const int Households = 40;
    private static readonly TimeSpan Step = TimeSpan.FromHours(1);
    private CityTestSetup setup = null!;
    private IngestProcess first = null!;
    private IngestProcess second = null!;
    private HouseholdFleet fleet = null!;

    public async Task InitializeAsync()
    {
        setup = await CityTestSetup.StartAsync();
        first = await IngestProcess.StartAsync("ingest-1", setup.Broker.Port, setup.ConnectionString, setup.KeyPath);
        second = await IngestProcess.StartAsync("ingest-2", setup.Broker.Port, setup.ConnectionString, setup.KeyPath);
        fleet = await HouseholdFleet.StartAsync(Households, setup.Broker.Port);
    }

    public async Task DisposeAsync()
    {
        await fleet.DisposeAsync();
        await first.DisposeAsync();
        await second.DisposeAsync();
        await setup.DisposeAsync();
    }

    [Fact]
    public async Task FortyHouseholds_TwoInstances_StoreEveryConsentedWindowExactlyOnce()
    {
        await fleet.AdvanceAsync(TimeSpan.FromHours(26), Step);
        var delivered = await fleet.DeliveredAsync();
        var refusable = delivered.Count(d => d.Value.Topic.Purpose == HouseholdFleet.Tariff);
        await Eventually.TrueAsync(async () => await SettledAsync(delivered.Count), TimeSpan.FromSeconds(60), () => $"both instances to take all {delivered.Count} data messages: {first.Output}{second.Output}");

        await using var store = await StoreAsync();
        await fleet.AssertStoredExactlyOnceAsync(store.Store);
        var statuses = new[] { (await first.TryStatusAsync())!, (await second.TryStatusAsync())! };
        // The shared subscription split the work, and each refused message was refused once, for the right reason.
        Assert.All(statuses, s => Assert.True(s.Stored > delivered.Count / 10, $"{s.Instance} stored only {s.Stored}"));
        Assert.Equal(delivered.Count - refusable, statuses.Sum(s => s.Stored));
        Assert.Equal(refusable, statuses.Sum(s => s.Rejected.GetValueOrDefault(RejectionReasons.WrongRecipient)));
        Assert.All(statuses, s => Assert.Equal([RejectionReasons.WrongRecipient], s.Rejected.Keys.Where(_ => refusable > 0)));
        Assert.Contains("aizu_city_ingest_rejected_total{reason=\"wrong-recipient\"}", await first.MetricsAsync() + await second.MetricsAsync(), StringComparison.Ordinal);

        // What an operator sees.
        var (exit, printed) = await first.StatusCommandAsync();
        Assert.True(exit == 0, printed);
        Assert.Contains($"ingest-1: connected; received {statuses[0].Received}, stored {statuses[0].Stored}", printed, StringComparison.Ordinal);
        Assert.Contains(statuses[0].Rejected.Count == 0 ? "refused: none" : $"refused: wrong-recipient {statuses[0].Rejected[RejectionReasons.WrongRecipient]}", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstanceKilledMidRun_LosesNothingAndCountsNothingTwice()
    {
        await fleet.AdvanceAsync(TimeSpan.FromHours(8), Step);
        // SIGKILL while messages are arriving: whatever it had received and not acknowledged is the broker's again.
        var before = (await first.TryStatusAsync())!.Received;
        var advancing = fleet.AdvanceAsync(TimeSpan.FromHours(10), Step);
        await Eventually.TrueAsync(async () => (await first.TryStatusAsync())?.Received > before + 40, "the first instance to be busy");
        await first.KillAsync();
        await advancing;
        await first.RestartAsync();
        await fleet.AdvanceAsync(TimeSpan.FromHours(8), Step);

        var delivered = await fleet.DeliveredAsync();
        await using var store = await StoreAsync();
        await Eventually.TrueAsync(async () =>
            (await store.Store.ListAsync(null, CancellationToken.None)).Count == delivered.Count(d => d.Value.Topic.Purpose != HouseholdFleet.Tariff)
            && await SettledAsync(0), TimeSpan.FromSeconds(90), () => $"every window stored after the restart: {first.Output}{second.Output}");
        await fleet.AssertStoredExactlyOnceAsync(store.Store);
    }

    private async Task<bool> SettledAsync(int atLeast)
    {
        var one = await first.TryStatusAsync();
        var two = await second.TryStatusAsync();
        return one is { Waiting: 0 } && two is { Waiting: 0 }
            && one.Stored + two.Stored + one.Duplicates + two.Duplicates + one.Rejected.Values.Sum() + two.Rejected.Values.Sum() >= atLeast;
    }

    private async Task<IngestStoreReader> StoreAsync() => await IngestStoreReader.OpenAsync(setup.ConnectionString);
}
