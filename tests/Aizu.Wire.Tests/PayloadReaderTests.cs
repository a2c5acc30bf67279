namespace Aizu.Wire.Tests;

/// <summary>What the readers refuse: one clear <see cref="FormatException"/>, never another exception.</summary>
public sealed class PayloadReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""[{"bn":"urn:dev:os:32473-abc:","bver":26,"n":"x","u":"kWh","v":1,"t":0,"agg":"P1D"}]""")]
    [InlineData("""[{"bn":"urn:dev:ow:abc:","bver":26,"n":"x","u":"Wh","v":1,"t":0,"agg":"P1D"}]""")]
    [InlineData("""[{"bn":"urn:dev:os:32473-abc:","bver":26,"n":"x","u":"Wh","v":1,"t":0.5,"agg":"P1D"}]""")]
    [InlineData("""[{"bn":"urn:dev:os:32473-abc:","bver":26,"n":"x","n":"y","u":"Wh","v":1,"t":0,"agg":"P1D"}]""")]
    [InlineData("""[{"bn":"urn:dev:os:32473-abc:","bver":26,"n":"x","u":"Wh","v":1,"t":0,"agg":"P1D"}] x""")]
    public void EnergyWindow_NotTheContract_IsOneFormatException(string json) =>
        Assert.Throws<FormatException>(() => EnergyWindowPayload.Read(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"request":"keep","consents":["r1"],"status":"Withdrawn","scope":"consent","category":"c","purpose":"p","recipient":"r","pseudonym":"p1","at":"2026-03-03"}""")]
    [InlineData("""{"request":"delete","consents":["r1"],"status":"Withdrawn","scope":"consent","category":"c","purpose":"p","recipient":"r","pseudonym":1,"at":"2026-03-03"}""")]
    [InlineData("""{"request":"delete","consents":["r1"],"status":"Withdrawn","scope":"everything","category":"c","purpose":"p","recipient":"r","pseudonym":"p1","at":"2026-03-03"}""")]
    [InlineData("""{"request":"delete","consents":["r1"],"status":"Withdrawn","category":"c","purpose":"p","recipient":"r","pseudonym":"p1","at":"2026-03-03"}""")]
    [InlineData("""{"request":"delete","consents":["r1"],"status":"Withdrawn","scope":"consent","category":"c","purpose":"p","recipient":"r","pseudonym":"p1","at":"2026-03-03T16:10:00Z"}""")]
    [InlineData("""{"request":"delete","consents":[7],"status":"Withdrawn","scope":"consent","category":"c","purpose":"p","recipient":"r","pseudonym":"p1","at":"2026-03-03"}""")]
    [InlineData("""{"request":"delete","consent":"a@1","status":"Withdrawn","scope":"consent","category":"c","purpose":"p","recipient":"r","pseudonyms":["p1"],"at":"2026-03-03"}""")]
    public void DeletionRequest_NotTheContract_IsOneFormatException(string json) =>
        Assert.Throws<FormatException>(() => DeletionRequestPayload.Read(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Readers_RefuseInvalidUtf8AndOtherStates()
    {
        Assert.Throws<FormatException>(() => AlertAckPayload.Read([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']));
        Assert.Throws<FormatException>(() => GatewayStatusPayload.Read("""{"state":"sleeping"}"""u8));
        Assert.Throws<FormatException>(() => AlertAckPayload.Read("""{"ack":"unsafe","alert":"a","window":"2026-03-03T16:10:00Z","agg":"P1D","pseudonym":"p"}"""u8));
        Assert.Throws<FormatException>(() => ConsentStatePayload.Read("""{"pseudonym":"g","at":"2026-03-03","grants":[{"consent":"a@1"}]}"""u8));
        // Decision times are days: a time to the second is not the contract (it would date the decision).
        Assert.Throws<FormatException>(() => ConsentStatePayload.Read("""{"pseudonym":"g","at":"2026-03-03T16:10:00Z","grants":[]}"""u8));
        // The state of before data sets, naming the gateway, is not the contract any more.
        Assert.Throws<FormatException>(() => ConsentStatePayload.Read("""{"gw":"gw-test-0001","at":"2026-03-03","grants":[]}"""u8));
    }

    [Fact]
    public void A_consent_state_carries_a_district_only_when_a_grant_has_one()
    {
        var grant = new ConsentStateGrant("r1", "elec.import.energy", "P1D", "city-energy-planning", "https://w3id.org/dpv#ImprovePublicServices",
            "city-energy-office", false, 100, 0, new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), "P24M");
        var without = ConsentStatePayload.Write(new ConsentStateMessage("p", new DateOnly(2026, 3, 2), [grant]));
        Assert.DoesNotContain("district", System.Text.Encoding.UTF8.GetString(without), StringComparison.Ordinal);
        Assert.Null(Assert.Single(ConsentStatePayload.Read(without).Grants).District);

        var with = ConsentStatePayload.Write(new ConsentStateMessage("p", new DateOnly(2026, 3, 2), [grant with { District = "aizuwakamatsu/tsuruga" }]));
        Assert.Equal("aizuwakamatsu/tsuruga", Assert.Single(ConsentStatePayload.Read(with).Grants).District);

        // A street address is not a district code.
        var street = System.Text.Encoding.UTF8.GetString(with).Replace("aizuwakamatsu/tsuruga", "Tsuruga 1-2-3", StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ConsentStatePayload.Read(System.Text.Encoding.UTF8.GetBytes(street)));
    }
}
