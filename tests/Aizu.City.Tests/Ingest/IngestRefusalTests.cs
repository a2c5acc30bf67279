namespace Aizu.City.Tests.Ingest;

/// <summary>
/// Real mosquitto, real PostgreSQL, one ingest: every kind of bad message is refused, counted by reason,
/// listed for operators and acknowledged, and the ingest goes on storing what is good.
/// </summary>
public sealed class IngestRefusalTests : IAsyncLifetime
{
    private const string Planning = "city-energy-planning";
    private const string Import = "elec.import.energy";
    private const string Peak = "peak-demand-study";
    private const string Alerts = "city-safety-check";
    private const string Pseudonym = "a8990db1f9b9d20d";
    private static readonly DateTimeOffset March = new(2026, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private IngestedCity servers = null!;
    private WirePublisher gateway = null!;

    public async Task InitializeAsync()
    {
        servers = await IngestedCity.StartAsync("ingest-refusals");
        gateway = await WirePublisher.ConnectAsync(servers.Setup.Broker.Port, "gw-refusals");
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await servers.DisposeAsync();
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
        // A state of the peak-demand data set listing a grant whose terms say city planning.
        await PublishStateAsync(March, Peak, Grant("misfiled-1@1", March.AddDays(-1), March.AddYears(1)));
        await Eventually.TrueAsync(() => servers.Ingest.Metrics.Snapshot().ConsentStates == 3, "the three consent states applied");

        var day = March;
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "ok-1@1", day, "P1D", 10_500, "m-good-1");
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "gone-1@1", day.AddDays(9), "P1D", 1, "m-withdrawn");
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "short-1@1", day.AddDays(4), "P1D", 1, "m-expired");
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "never-1@1", day, "P1D", 1, "m-unknown");
        await gateway.PublishWindowAsync(Peak, Import, Pseudonym, "misfiled-1@1", day, "P1D", 1, "m-purpose");
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
        await Eventually.TrueAsync(() => servers.Ingest.Metrics.Snapshot() is { Waiting: 0 } s && s.Received == 18, "every message acknowledged");
        var status = servers.Ingest.Metrics.Snapshot();
        Assert.Equal(reasons.Order(StringComparer.Ordinal), status.Rejected.Keys);
        Assert.All(status.Rejected.Values, count => Assert.Equal(1, count));
        Assert.Equal(reasons.Length, status.Recent.Count);
        Assert.Contains(status.Recent, r => r.Reason == RejectionReasons.WithdrawnConsent && r.MessageId == "m-withdrawn" && r.Topic == topic);
        Assert.Contains(status.Recent, r => r.Reason == RejectionReasons.TooLarge && r.MessageId == "m-large");
        Assert.Equal(2, status.Stored);
        Assert.Equal(1, status.Duplicates);

        var stored = await servers.Ingest.Store.ListAsync(Planning, CancellationToken.None);
        Assert.Equal(["m-good-1", "m-good-2"], stored.Select(s => s.MessageId));
        Assert.Equal([10_500d, 9_800d], stored.Select(s => s.ValueWh));
        Assert.All(stored, s => Assert.Equal(new DataSet(Planning, Pseudonym), s.DataSet));
        Assert.Empty(await servers.Ingest.Store.ListAsync(Peak, CancellationToken.None));

        var metrics = servers.Ingest.Metrics.ToPrometheusText();
        Assert.Contains("aizu_city_ingest_rejected_total{reason=\"wrong-unit\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("aizu_city_ingest_stored_total 2\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AOneLevelConsentScope_IsRefused_AndAnAlertAck_IsStoredOnce()
    {
        // A gateway from before the per-data-set wire: its gateway-wide state is refused, so its reference stays unknown.
        await gateway.PublishAsync(
            WireTopics.ConsentPrefix + "gw-refusals",
            ConsentStatePayload.Write(new ConsentStateMessage("gw-refusals", Day(March), [Grant("legacy-1@1", March.AddDays(-1), March.AddYears(1))])),
            UserProperties.Of(SchemaIds.ConsentState, "state-legacy"),
            retain: true);
        await gateway.PublishWindowAsync(Planning, Import, Pseudonym, "legacy-1@1", March, "P1D", 1, "m-legacy");

        // "I'm safe" under a daily alert.ack grant of its own data set: stored once however often it is re-sent.
        var ackGrant = new ConsentStateGrant("ack-1@1", EnergyWindowValidator.AlertAckCategory, "P1D", Alerts, "https://w3id.org/dpv#PublicSafety",
            CityTestSetup.Recipient, false, 0, 0, Day(March.AddDays(-1)), Day(March.AddYears(1)), "P1M");
        await PublishStateAsync(March, Alerts, ackGrant);
        await Eventually.TrueAsync(() => servers.Ingest.Metrics.Snapshot().ConsentStates == 1, "the alert consent state applied");
        const string Alert = "city@aizu.example,alert-2026-0301-01,2026-03-01T15:00:00+09:00";
        var day = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var ack = AlertAckPayload.Write(new AlertAckMessage(Alert, day, "P1D", Pseudonym));
        var ackTopic = WireTopics.Data(Alerts, EnergyWindowValidator.AlertAckCategory, Pseudonym);
        await gateway.PublishAsync(ackTopic, ack, UserProperties.Of(SchemaIds.AlertAck, "m-ack-1", "ack-1@1", Alerts, "P1D"));
        await gateway.PublishAsync(ackTopic, ack, UserProperties.Of(SchemaIds.AlertAck, "m-ack-1", "ack-1@1", Alerts, "P1D"));
        // An acknowledgement on an energy category is not one.
        await gateway.PublishAsync(WireTopics.Data(Alerts, Import, Pseudonym), ack, UserProperties.Of(SchemaIds.AlertAck, "m-ack-misplaced", "ack-1@1", Alerts, "P1D"));

        await Eventually.TrueAsync(() => servers.Ingest.Metrics.Snapshot() is { Waiting: 0 } s && s.Received == 6, "every message acknowledged");
        var status = servers.Ingest.Metrics.Snapshot();
        Assert.Equal(new Dictionary<string, long>
        {
            [RejectionReasons.BadProperties] = 1,
            [RejectionReasons.LegacyConsentScope] = 1,
            [RejectionReasons.UnknownConsent] = 1,
        }, status.Rejected);
        Assert.Contains(status.Recent, r => r.Reason == RejectionReasons.LegacyConsentScope && r.Topic == WireTopics.ConsentPrefix + "gw-refusals");
        Assert.Equal((1L, 1L, 0L), (status.AlertAcks, status.Duplicates, status.Stored));

        var stored = await servers.Ingest.Services.GetRequiredService<AlertAckStore>().ListAsync(CancellationToken.None);
        Assert.Equal([("m-ack-1", Alerts, Pseudonym, Alert, day, "ack-1@1")], stored);
        Assert.Empty(await servers.Ingest.Store.ListAsync(null, CancellationToken.None));
        var metrics = servers.Ingest.Metrics.ToPrometheusText();
        Assert.Contains("aizu_city_ingest_alert_acks_total 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("aizu_city_ingest_rejected_total{reason=\"legacy-consent-scope\"} 1\n", metrics, StringComparison.Ordinal);
    }

    private static ConsentStateGrant Grant(string consent, DateTimeOffset from, DateTimeOffset until) =>
        new(consent, Import, "P1D", Planning, "https://w3id.org/dpv#ImprovePublicServices", CityTestSetup.Recipient, false, 100, 0, Day(from), Day(until), "P24M");

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static IReadOnlyList<KeyValuePair<string, string>> Properties(string messageId) =>
        UserProperties.Of(SchemaIds.EnergyWindow, messageId, "ok-1@1", Planning, "P1D");

    private Task PublishStateAsync(DateTimeOffset at, params ConsentStateGrant[] grants) => PublishStateAsync(at, Planning, grants);

    // The data set's own consent topic, as gateways publish since the per-data-set wire.
    private Task PublishStateAsync(DateTimeOffset at, string purpose, params ConsentStateGrant[] grants) =>
        gateway.PublishAsync(
            WireTopics.ConsentState(purpose, Pseudonym),
            ConsentStatePayload.Write(new ConsentStateMessage(Pseudonym, Day(at), grants)),
            UserProperties.Of(SchemaIds.ConsentState, $"state-{purpose}-{at.ToUnixTimeSeconds()}"),
            retain: true);
}
