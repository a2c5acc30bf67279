namespace Aizu.Wire.Tests;

/// <summary>
/// Each message type's exact bytes, pinned: a change here is a change of the wire every recipient and the
/// city ingest parse, and needs a new schema id. Each is read back by the reader to what was written.
/// </summary>
public sealed class GoldenPayloadTests
{
    private static readonly DateOnly Day = new(2026, 3, 3);

    [Fact]
    public void EnergyWindow_IsOneSenmlRecordWithVersion26AndWh()
    {
        // The window 2026-03-02 00:00 JST; t is its start in seconds since the epoch.
        var message = new EnergyWindowMessage("0123456789abcdef", "elec.import.energy", new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9)), "P1D", 8400);

        AssertGolden(
            """[{"bn":"urn:dev:os:32473-0123456789abcdef:","bver":26,"n":"elec.import.energy","u":"Wh","v":8400,"t":1772377200,"agg":"P1D"}]""",
            EnergyWindowPayload.Write(message));
        Assert.Equal(message, EnergyWindowPayload.Read(EnergyWindowPayload.Write(message)));
        Assert.Equal(8400.5, EnergyWindowPayload.Read(EnergyWindowPayload.Write(message with { ValueWh = 8400.5 })).ValueWh);
    }

    [Fact]
    public void ConsentState_ListsTheDataSetsGrantsUnderOpaqueReferences_AndNoGateway()
    {
        // One data set (purpose x recipient x period): its pseudonym, and each grant under its reference in that period.
        var message = new ConsentStateMessage("a8990db1f9b9d20d", Day,
        [
            new("3c0f4e5a9b7d2e61f08a4c93", "elec.export.energy", "P1M", "city-energy-planning", "https://w3id.org/dpv#ImprovePublicServices", "city-energy-office",
                false, 1000, 0, new DateOnly(2026, 2, 1), new DateOnly(2027, 2, 1), "P24M"),
            new("8f28846e2354b7b56720323b", "elec.import.energy", "P1D", "city-energy-planning", "https://w3id.org/dpv#ImprovePublicServices", "city-energy-office",
                false, 100, 0.5, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), "P24M"),
        ]);

        AssertGolden(
            """{"pseudonym":"a8990db1f9b9d20d","at":"2026-03-03","grants":["""
            + """{"consent":"3c0f4e5a9b7d2e61f08a4c93","category":"elec.export.energy","granularity":"P1M","purpose":"city-energy-planning","purposeIri":"https://w3id.org/dpv#ImprovePublicServices","recipient":"city-energy-office","onwardSharing":false,"roundTo":1000,"noiseScale":0,"validFrom":"2026-02-01","expiresAt":"2027-02-01","retention":"P24M"},"""
            + """{"consent":"8f28846e2354b7b56720323b","category":"elec.import.energy","granularity":"P1D","purpose":"city-energy-planning","purposeIri":"https://w3id.org/dpv#ImprovePublicServices","recipient":"city-energy-office","onwardSharing":false,"roundTo":100,"noiseScale":0.5,"validFrom":"2026-01-01","expiresAt":"2027-01-01","retention":"P24M"}]}""",
            ConsentStatePayload.Write(message));
        Assert.Equivalent(message, ConsentStatePayload.Read(ConsentStatePayload.Write(message)), strict: true);
        Assert.Equal("""{"pseudonym":"a8990db1f9b9d20d","at":"2026-03-03","grants":[]}""", Encoding.UTF8.GetString(ConsentStatePayload.Write(message with { Grants = [] })));

        // At the end of its period the retained state is cleared with an empty payload.
        Assert.True(ConsentStatePayload.IsCleared(ReadOnlySpan<byte>.Empty));
        Assert.False(ConsentStatePayload.IsCleared(ConsentStatePayload.Write(message)));
    }

    [Fact]
    public void DeletionRequest_NamesOnlyTheDataSetsPseudonymAndItsReferences()
    {
        var message = new DeletionRequestMessage(["5d1e7c0a3b9f84e2a6c1d0f7", "e0b2c4a6f8d1e3a5c7b9d2f4"], "Withdrawn", DeletionRequestPayload.ConsentScope, "elec.import.energy", "peak-demand-study", "tepco-research", "04968c60158a71f4", Day);

        AssertGolden(
            """{"request":"delete","consents":["5d1e7c0a3b9f84e2a6c1d0f7","e0b2c4a6f8d1e3a5c7b9d2f4"],"status":"Withdrawn","scope":"consent","category":"elec.import.energy","purpose":"peak-demand-study","recipient":"tepco-research","pseudonym":"04968c60158a71f4","at":"2026-03-03"}""",
            DeletionRequestPayload.Write(message));
        Assert.Equivalent(message, DeletionRequestPayload.Read(DeletionRequestPayload.Write(message)), strict: true);
        var superseded = message with { Consents = ["5d1e7c0a3b9f84e2a6c1d0f7"], Status = "Superseded", Scope = DeletionRequestPayload.VersionScope };
        Assert.Contains("\"scope\":\"version\"", Encoding.UTF8.GetString(DeletionRequestPayload.Write(superseded)), StringComparison.Ordinal);
        Assert.Equivalent(superseded, DeletionRequestPayload.Read(DeletionRequestPayload.Write(superseded)), strict: true);
    }

    [Fact]
    public void AlertAck_SaysSafeWhichAlertAndTheWindowOnly()
    {
        // The CAP reference's '+' is escaped by the JSON writer's default encoder: that is today's byte form.
        var message = new AlertAckMessage("city@example.jp,JP-2026-0001,2026-03-01T09:00:00+09:00", new DateTimeOffset(2026, 2, 28, 15, 0, 0, TimeSpan.Zero), "P1D", "ca6a8e19257d6ad1");

        AssertGolden(
            """{"ack":"safe","alert":"city@example.jp,JP-2026-0001,2026-03-01T09:00:00\u002B09:00","window":"2026-02-28T15:00:00Z","agg":"P1D","pseudonym":"ca6a8e19257d6ad1"}""",
            AlertAckPayload.Write(message));
        Assert.Equal(message, AlertAckPayload.Read(AlertAckPayload.Write(message)));
    }

    [Fact]
    public void GatewayStatus_BirthCarriesTheVersion_WillOnlyTheState()
    {
        var online = new GatewayStatusMessage(GatewayStatusPayload.Online, "0.1.0");
        var offline = new GatewayStatusMessage(GatewayStatusPayload.Offline, null);

        AssertGolden("""{"state":"online","sw":"0.1.0"}""", GatewayStatusPayload.Write(online));
        AssertGolden("""{"state":"offline"}""", GatewayStatusPayload.Write(offline));
        Assert.Equal(online, GatewayStatusPayload.Read(GatewayStatusPayload.Write(online)));
        Assert.Equal(offline, GatewayStatusPayload.Read(GatewayStatusPayload.Write(offline)));
    }

    [Fact]
    public void Topics_AndUserProperties_InWireOrder()
    {
        Assert.Equal("aizu/v1/dt/city-energy-planning/elec.import.energy/0123456789abcdef", WireTopics.Data("city-energy-planning", "elec.import.energy", "0123456789abcdef"));
        Assert.Equal("aizu/v1/consent/city-energy-planning/0123456789abcdef", WireTopics.ConsentState("city-energy-planning", "0123456789abcdef"));
        Assert.Equal("aizu/v1/consent/city-energy-planning/0123456789abcdef/deletion", WireTopics.Deletion("city-energy-planning", "0123456789abcdef"));
        Assert.Equal("aizu/v1/status/gw-test-0001", WireTopics.Status("gw-test-0001"));
        Assert.Equal(["aizu/v1/alert/city", "aizu/v1/alert/key", "aizu/v1/catalogue"], WireTopics.Downlink);

        Assert.Equal(
            [new("consent-ref", "8f28846e2354b7b56720323b"), new("purpose", "city-energy-planning"), new("agg", "P1D"), new("schema", "aizu.energy-window/1"), new("msg-id", "m1")],
            UserProperties.Of(SchemaIds.EnergyWindow, "m1", "8f28846e2354b7b56720323b", "city-energy-planning", "P1D"));
        Assert.Equal(
            [new("schema", "aizu.consent-state/1"), new KeyValuePair<string, string>("msg-id", "m2")],
            UserProperties.Of(SchemaIds.ConsentState, "m2"));
        Assert.Equal(["aizu.energy-window/1", "aizu.consent-state/1", "aizu.deletion-request/1", "aizu.alert-ack/1"], [SchemaIds.EnergyWindow, SchemaIds.ConsentState, SchemaIds.DeletionRequest, SchemaIds.AlertAck]);
    }

    private static void AssertGolden(string expected, byte[] actual) => Assert.Equal(expected, Encoding.UTF8.GetString(actual));
}
