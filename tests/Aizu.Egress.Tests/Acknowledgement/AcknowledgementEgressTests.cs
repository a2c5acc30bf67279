namespace Aizu.Egress.Tests.Acknowledgement;

/// <summary>The "I'm safe" acknowledgement leaves only under an alert.ack consent; delivered rows are pruned, the log is kept.</summary>
public sealed class AcknowledgementEgressTests : EgressSceneTests
{
    private const string Alert = "bousai@aizuwakamatsu.example,order-1,2026-03-04T10:00:00+09:00";
    private readonly AcknowledgementEgress egress;
    private readonly ConsentGrant safety = new("safe-a", 1, DataCategories.AlertAcknowledgement, Granularity.Day, "safety-confirmation",
        "https://w3id.org/dpv#PublicBenefit", "city-disaster-office", false, new ValueTransform(0), T0, T0.AddDays(180), ConsentStatus.Given)
    { Retention = "P6M" };

    public AcknowledgementEgressTests()
        : base("aizu-ack-")
    {
        egress = new AcknowledgementEgress(Registry, Sut.Policy, Sut.Journal, Time, NullLogger<AcknowledgementEgress>.Instance);
    }

    [Fact]
    public async Task WithoutAlertAckConsent_NothingIsQueued()
    {
        Registry.Give(new ConsentGrant("plan-b", 1, DataCategories.ElectricImportEnergy, Granularity.Day, "city-energy-planning",
            "https://w3id.org/dpv#ImprovePublicServices", "city-energy-office", false, new ValueTransform(100), T0, T0.AddDays(365), ConsentStatus.Given), T0);

        var releases = await egress.OfferAsync(Alert, Time.GetUtcNow(), CancellationToken.None);

        Assert.Empty(releases);
        Assert.Empty(await Sut.Outbox.ListPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WithConsent_OneMessagePerAlert_StampedAndCoarsened_AndDroppedIfWithdrawnBeforeSending()
    {
        Registry.Give(safety, T0);
        var pressed = Time.GetUtcNow().AddMinutes(-7);

        var first = Assert.Single(await egress.OfferAsync(Alert, pressed, CancellationToken.None));
        var second = Assert.Single(await egress.OfferAsync(Alert, pressed, CancellationToken.None));

        Assert.Equal(AcknowledgementOutcome.Queued, first.Outcome);
        Assert.Equal(AcknowledgementOutcome.AlreadyQueued, second.Outcome);
        Assert.Equal(first.MessageId, second.MessageId);
        var message = Assert.Single(await Sut.Outbox.ListPendingAsync(CancellationToken.None));
        Assert.StartsWith("aizu/v1/dt/safety-confirmation/alert.ack/", message.Topic, StringComparison.Ordinal);
        Assert.Equal("safe-a@1", message.ConsentReference);
        var payload = System.Text.Encoding.UTF8.GetString(message.Payload.Span);
        Assert.Contains("\"ack\":\"safe\"", payload, StringComparison.Ordinal);
        Assert.Contains("\"window\":\"2026-03-02T15:00:00Z\"", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("14:53", payload, StringComparison.Ordinal);

        Registry.Withdraw(safety.ConsentId, Time.GetUtcNow());
        Assert.Null(await Sut.Outbox.GetNextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeliveredRows_ArePrunedAfterTheRetention_ButTheEgressLogKeepsThem()
    {
        Registry.Give(safety, T0);
        Assert.Single(await Sut.PublishConsentStateAsync());
        var release = Assert.Single(await egress.OfferAsync(Alert, Time.GetUtcNow(), CancellationToken.None));
        var message = await Sut.Outbox.GetNextDueAsync(CancellationToken.None);
        Assert.Equal(release.MessageId, message!.MessageId);
        await Sut.Outbox.MarkDeliveredAsync(message.MessageId, 0, CancellationToken.None);

        Assert.Equal(0, await Sut.Outbox.PruneDeliveredAsync(Time.GetUtcNow().AddDays(-30), CancellationToken.None));
        Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(2, await Sut.Outbox.PruneDeliveredAsync(Time.GetUtcNow().AddDays(-30), CancellationToken.None));

        Assert.Empty(await Sut.Outbox.ListAsync(null, 10, CancellationToken.None));
        var logged = Assert.Single(await new EgressLog(Sut.DatabasePath).ListAsync(new EgressLogFilter(), CancellationToken.None), e => e.MessageId == message.MessageId);
        Assert.Equal(message.MessageId, logged.MessageId);
        Assert.True(logged.Delivered);
    }

    [Fact]
    public async Task ConsentState_CarriesEachGrantsRetention()
    {
        var dataSet = await Sut.DataSets.AtAsync(safety.Purpose, safety.Recipient, Time.GetUtcNow(), CancellationToken.None);
        var state = await Sut.Policy.CreateConsentStateAsync(dataSet, [safety], CancellationToken.None);

        Assert.Contains("\"retention\":\"P6M\"", System.Text.Encoding.UTF8.GetString(state.Payload.Span), StringComparison.Ordinal);
    }
}
