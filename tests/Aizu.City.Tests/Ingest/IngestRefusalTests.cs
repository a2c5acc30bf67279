using System.Text;
using Aizu.City.Ingest;
using Aizu.Testing;
using Aizu.Wire;

namespace Aizu.City.Tests.Ingest;

/// <summary>
/// Real mosquitto, real PostgreSQL, one ingest: every kind of bad message is refused, counted by reason,
/// listed for operators and acknowledged, and the ingest goes on storing what is good.
/// </summary>
public sealed class IngestRefusalTests : IAsyncLifetime
{
    private const string Planning = "city-energy-planning";
    private const string Import = "elec.import.energy";
    private const string Pseudonym = "a8990db1f9b9d20d";
    private static readonly DateTimeOffset March = new(2026, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private CityTestSetup setup = null!;
    private IngestHost ingest = null!;
    private WirePublisher gateway = null!;

    public async Task InitializeAsync()
    {
        setup = await CityTestSetup.StartAsync();
        ingest = await IngestHost.StartAsync(setup.IngestConfiguration("ingest-refusals"));
        gateway = await WirePublisher.ConnectAsync(setup.Broker.Port, "gw-refusals");
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await ingest.DisposeAsync();
        await setup.DisposeAsync();
    }

    [Fact]
    public async Task EveryBadMessage_IsRefusedCountedAndListed_AndTheIngestKeepsStoring()
    {
        // The household's consent states: one grant that stays, one withdrawn on 5 March, one that
        // expires on 3 March, one for another recipient.
        var ok = Grant("ok-1@1", March.AddDays(-1), March.AddYears(1));
        var gone = Grant("gone-1@1", March.AddDays(-1), March.AddYears(1));
        var shortLived = Grant("short-1@1", March.AddDays(-1), March.AddDays(2));
        var other = Grant("other-1@1", March.AddDays(-1), March.AddYears(1)) with { Recipient = "utility-x" };
        await PublishStateAsync(March, ok, gone, shortLived, other);
        await PublishStateAsync(March.AddDays(4), ok, other);
        await Eventually.TrueAsync(() => ingest.Metrics.Snapshot().ConsentStates == 2, "both consent states applied");

        var day = March;
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "ok-1@1", day, "P1D", 10_500, "m-good-1");
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "gone-1@1", day.AddDays(9), "P1D", 1, "m-withdrawn");
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "short-1@1", day.AddDays(4), "P1D", 1, "m-expired");
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "never-1@1", day, "P1D", 1, "m-unknown");
        await gateway.PublishWindowAsync("peak-demand-study", Import, Pseudonym, "ok-1@1", day, "P1D", 1, "m-purpose");
        await gateway.PublishWindowAsync(Planning, "elec.export.energy", Pseudonym, "ok-1@1", day, "P1D", 1, "m-category");
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "ok-1@1", day, "PT1H", 1, "m-granularity");
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "other-1@1", day, "P1D", 1, "m-recipient");
        var topic = WireTopics.Data(Planning, Import, Pseudonym);
        await gateway.PublishAsync(topic, "{not json"u8.ToArray(), Properties("m-json"));
        await gateway.PublishAsync(topic, Encoding.UTF8.GetBytes($$"""[{"bn":"urn:dev:os:32473-{{Pseudonym}}:","bver":26,"n":"{{Import}}","u":"kWh","v":10.5,"t":{{day.ToUnixTimeSeconds()}},"agg":"P1D"}]"""), Properties("m-unit"));
        await gateway.PublishAsync(topic, new byte[1024 * 1024], Properties("m-large"));
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "ok-1@1", DateTimeOffset.UtcNow.AddDays(2), "P1D", 1, "m-future");
        await gateway.PublishAsync("aizu/v1/dt/only/two", "[]"u8.ToArray(), Properties("m-topic"));

        // Still running: a good window after all that is stored, and a re-send of the first counts once.
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "ok-1@1", day.AddDays(1), "P1D", 9_800, "m-good-2");
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "ok-1@1", day, "P1D", 10_500, "m-good-1");

        string[] reasons =
        [
            RejectionReasons.WithdrawnConsent, RejectionReasons.ExpiredConsent, RejectionReasons.UnknownConsent,
            RejectionReasons.WrongPurpose, RejectionReasons.WrongCategory, RejectionReasons.WrongGranularity,
            RejectionReasons.WrongRecipient, RejectionReasons.BadJson, RejectionReasons.WrongUnit,
            RejectionReasons.TooLarge, RejectionReasons.FutureWindow, RejectionReasons.BadTopic,
        ];
        await Eventually.TrueAsync(() => ingest.Metrics.Snapshot() is { Waiting: 0 } s && s.Received == 17, "every message acknowledged");
        var status = ingest.Metrics.Snapshot();
        Assert.Equal(reasons.Order(StringComparer.Ordinal), status.Rejected.Keys);
        Assert.All(status.Rejected.Values, count => Assert.Equal(1, count));
        Assert.Equal(reasons.Length, status.Recent.Count);
        Assert.Contains(status.Recent, r => r.Reason == RejectionReasons.WithdrawnConsent && r.MessageId == "m-withdrawn" && r.Topic == topic);
        Assert.Contains(status.Recent, r => r.Reason == RejectionReasons.TooLarge && r.MessageId == "m-large");
        Assert.Equal(2, status.Stored);
        Assert.Equal(1, status.Duplicates);

        var stored = await ingest.Store.ListAsync(Planning, CancellationToken.None);
        Assert.Equal(["m-good-1", "m-good-2"], stored.Select(s => s.MessageId));
        Assert.Equal([10_500d, 9_800d], stored.Select(s => s.ValueWh));
        Assert.All(stored, s => Assert.Equal(new DataSet(Planning, Pseudonym), s.DataSet));
        Assert.Empty(await ingest.Store.ListAsync("peak-demand-study", CancellationToken.None));

        var metrics = ingest.Metrics.ToPrometheusText();
        Assert.Contains("aizu_city_ingest_rejected_total{reason=\"wrong-unit\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("aizu_city_ingest_stored_total 2\n", metrics, StringComparison.Ordinal);
    }

    private static ConsentStateGrant Grant(string consent, DateTimeOffset from, DateTimeOffset until) =>
        new(consent, Import, "P1D", Planning, "https://w3id.org/dpv#ImprovePublicServices", CityTestSetup.Recipient, false, 100, 0, Day(from), Day(until), "P24M");

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static IReadOnlyList<KeyValuePair<string, string>> Properties(string messageId) =>
        UserProperties.Of(SchemaIds.EnergyWindow, messageId, "ok-1@1", Planning, "P1D");

    private Task PublishStateAsync(DateTimeOffset at, params ConsentStateGrant[] grants) =>
        gateway.PublishAsync(
            // A one-level scope, as gateways before the per-data-set wire published it: the registry still finds
            // references there, so every refusal reason below is reached through one state.
            WireTopics.ConsentPrefix + "gw-refusals",
            ConsentStatePayload.Write(new ConsentStateMessage("gw-refusals", Day(at), grants)),
            UserProperties.Of(SchemaIds.ConsentState, $"state-{at.ToUnixTimeSeconds()}"),
            retain: true);
}
