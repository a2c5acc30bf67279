using System.Security.Cryptography;
using Aizu.Consent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Aizu.Egress.Tests.Acknowledgement;

/// <summary>The "I'm safe" acknowledgement leaves only under an alert.ack consent; delivered rows are pruned, the log is kept.</summary>
public sealed class AcknowledgementEgressTests : IDisposable
{
    private const string Alert = "bousai@aizuwakamatsu.example,order-1,2026-03-04T10:00:00+09:00";
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));
    private readonly FakeTimeProvider time = new(T0.AddDays(2));
    private readonly TestConsentRegistry registry = new();
    private readonly EgressUnderTest sut;
    private readonly AcknowledgementEgress egress;
    private readonly ConsentGrant safety = new("safe-a", 1, DataCategories.AlertAcknowledgement, Granularity.Day, "safety-confirmation",
        "https://w3id.org/dpv#PublicBenefit", "city-disaster-office", false, new ValueTransform(0), T0, T0.AddDays(180), ConsentStatus.Given)
    { Retention = "P6M" };

    public AcknowledgementEgressTests()
    {
        sut = new EgressUnderTest(registry, time, "aizu-ack-");
        egress = new AcknowledgementEgress(registry, sut.Policy, sut.Journal, time, NullLogger<AcknowledgementEgress>.Instance);
    }

    public void Dispose() => sut.Dispose();

    [Fact]
    public async Task WithoutAlertAckConsent_NothingIsQueued()
    {
        registry.Give(new ConsentGrant("plan-b", 1, DataCategories.ElectricImportEnergy, Granularity.Day, "city-energy-planning",
            "https://w3id.org/dpv#ImprovePublicServices", "city-energy-office", false, new ValueTransform(100), T0, T0.AddDays(365), ConsentStatus.Given), T0);

        var releases = await egress.OfferAsync(Alert, time.GetUtcNow(), CancellationToken.None);

        Assert.Empty(releases);
        Assert.Empty(await sut.Outbox.ListPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WithConsent_OneMessagePerAlert_StampedAndCoarsened_AndDroppedIfWithdrawnBeforeSending()
    {
        registry.Give(safety, T0);
        var pressed = time.GetUtcNow().AddMinutes(-7);

        var first = Assert.Single(await egress.OfferAsync(Alert, pressed, CancellationToken.None));
        var second = Assert.Single(await egress.OfferAsync(Alert, pressed, CancellationToken.None));

        Assert.Equal(AcknowledgementOutcome.Queued, first.Outcome);
        Assert.Equal(AcknowledgementOutcome.AlreadyQueued, second.Outcome);
        Assert.Equal(first.MessageId, second.MessageId);
        var message = Assert.Single(await sut.Outbox.ListPendingAsync(CancellationToken.None));
        Assert.StartsWith("aizu/v1/dt/safety-confirmation/alert.ack/", message.Topic, StringComparison.Ordinal);
        Assert.Equal("safe-a@1", message.ConsentReference);
        var payload = System.Text.Encoding.UTF8.GetString(message.Payload.Span);
        Assert.Contains("\"ack\":\"safe\"", payload, StringComparison.Ordinal);
        Assert.Contains("\"window\":\"2026-03-02T15:00:00Z\"", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("14:53", payload, StringComparison.Ordinal);

        registry.Withdraw(safety.ConsentId, time.GetUtcNow());
        Assert.Null(await sut.Outbox.GetNextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeliveredRows_ArePrunedAfterTheRetention_ButTheEgressLogKeepsThem()
    {
        registry.Give(safety, T0);
        Assert.Single(await sut.PublishConsentStateAsync());
        var release = Assert.Single(await egress.OfferAsync(Alert, time.GetUtcNow(), CancellationToken.None));
        var message = await sut.Outbox.GetNextDueAsync(CancellationToken.None);
        Assert.Equal(release.MessageId, message!.MessageId);
        await sut.Outbox.MarkDeliveredAsync(message.MessageId, 0, CancellationToken.None);

        Assert.Equal(0, await sut.Outbox.PruneDeliveredAsync(time.GetUtcNow().AddDays(-30), CancellationToken.None));
        time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(2, await sut.Outbox.PruneDeliveredAsync(time.GetUtcNow().AddDays(-30), CancellationToken.None));

        Assert.Empty(await sut.Outbox.ListAsync(null, 10, CancellationToken.None));
        var logged = Assert.Single(await new EgressLog(sut.DatabasePath).ListAsync(new EgressLogFilter(), CancellationToken.None), e => e.MessageId == message.MessageId);
        Assert.Equal(message.MessageId, logged.MessageId);
        Assert.True(logged.Delivered);
    }

    [Fact]
    public async Task ConsentState_CarriesEachGrantsRetention()
    {
        var dataSet = await sut.DataSets.AtAsync(safety.Purpose, safety.Recipient, time.GetUtcNow(), CancellationToken.None);
        var state = await sut.Policy.CreateConsentStateAsync(dataSet, [safety], CancellationToken.None);

        Assert.Contains("\"retention\":\"P6M\"", System.Text.Encoding.UTF8.GetString(state.Payload.Span), StringComparison.Ordinal);
    }
}
