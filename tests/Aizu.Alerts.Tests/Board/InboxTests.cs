namespace Aizu.Alerts.Tests;

public sealed class InboxTests : IDisposable
{
    private static readonly DateTimeOffset Sent = TestGateway.Morning.AddMinutes(-30);
    private static readonly DateTimeOffset Expires = TestGateway.Morning.AddHours(6);

    private readonly TestCity city = new();
    private readonly TestGateway gateway;

    public InboxTests() => gateway = new TestGateway(city.PublicPem);

    [Fact]
    public async Task ReceiveAsync_SignedLevel4ExampleForTheDistrict_IsShownAsTakeoverInJapanese()
    {
        var receipt = await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));

        Assert.Equal(AlertOutcome.Shown, receipt.Outcome);
        var view = Assert.Single(gateway.Board.GetCurrent());
        Assert.Equal(4, view.Level);
        Assert.Equal(ColourBand.Purple, view.Colour);
        Assert.Equal("#AA00AA", view.ColourHex);
        Assert.True(view.Takeover);
        Assert.True(view.Audible);
        Assert.False(view.IsTest);
        Assert.Null(view.TestBanner);
        Assert.Equal("ja-JP", view.Language);
        Assert.Equal(["ja-JP", "en-US"], view.AvailableLanguages);
        Assert.Equal("【警戒レベル4】北会津地区に避難指示", view.Headline);
        Assert.Equal("避難指示", view.Event);
        Assert.StartsWith("危険な場所から全員避難", view.Instruction, StringComparison.Ordinal);
        Assert.Equal("会津若松市 北会津地区", view.AreaDescription);
        Assert.Equal(AreaMatch.Inside, view.AreaMatch);
        Assert.Equal("会津若松市 危機管理課（例）", view.SenderName);
        Assert.Equal(new DateTimeOffset(2026, 7, 10, 5, 30, 0, TimeSpan.FromHours(9)), view.Issued);
        Assert.Equal(new DateTimeOffset(2026, 7, 10, 12, 0, 0, TimeSpan.FromHours(9)), view.Expires);
        Assert.Equal(new Uri("https://www.aizuwakamatsu.example/bousai"), view.Web);
        Assert.Contains("Jアラート", view.NoticeJapanese, StringComparison.Ordinal);
        Assert.Equal("Supplementary channel — not a replacement for J-Alert, disaster radio or cell broadcast.", view.NoticeEnglish);
        Assert.Equal(1, gateway.Statistics.Count(AlertOutcome.Shown));
    }

    [Fact]
    public async Task ReceiveAsync_UnsignedXml_NeverReachesTheBoard()
    {
        var receipt = await gateway.ReceiveAsync(Fixture.Example("level4-evacuation-order.xml"));

        AssertRejected(receipt, AlertOutcome.RejectedUnsigned);
    }

    [Fact]
    public async Task ReceiveAsync_SignedWithAnotherKey_NeverReachesTheBoard()
    {
        using var forger = new TestCity();

        var receipt = await gateway.ReceiveAsync(forger.Sign(Fixture.Example("level4-evacuation-order.xml")));

        AssertRejected(receipt, AlertOutcome.RejectedBadSignature);
    }

    [Fact]
    public async Task ReceiveAsync_TamperedPayload_NeverReachesTheBoard()
    {
        // Change the district in the signed XML and re-encode the payload part, keeping header and signature.
        var jws = Encoding.ASCII.GetString(city.Sign(Fixture.Example("level4-evacuation-order.xml"))).Split('.');
        var xml = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jws[1]));
        var tampered = xml.Replace("07202-kitaaizu", "07202-tsuruga", StringComparison.Ordinal);
        var forged = $"{jws[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tampered))}.{jws[2]}";

        var receipt = await gateway.ReceiveAsync(Encoding.ASCII.GetBytes(forged));

        AssertRejected(receipt, AlertOutcome.RejectedBadSignature);
    }

    [Fact]
    public async Task ReceiveAsync_AlgorithmNone_NeverReachesTheBoard()
    {
        var header = System.Buffers.Text.Base64Url.EncodeToString("{\"alg\":\"none\",\"cty\":\"cap+xml\"}"u8);
        var payload = System.Buffers.Text.Base64Url.EncodeToString(Fixture.Example("level4-evacuation-order.xml"));

        var receipt = await gateway.ReceiveAsync(Encoding.ASCII.GetBytes($"{header}.{payload}.AAAA"));

        AssertRejected(receipt, AlertOutcome.RejectedBadSignature);
    }

    [Fact]
    public async Task ReceiveAsync_Expired_NeverReachesTheBoard()
    {
        gateway.Time.SetUtcNow(new DateTimeOffset(2026, 7, 10, 12, 0, 1, TimeSpan.FromHours(9)));

        var receipt = await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));

        AssertRejected(receipt, AlertOutcome.RejectedExpired);
    }

    [Fact]
    public async Task ReceiveAsync_OriginalReplayedAfterUpdate_NeverReachesTheBoard()
    {
        var original = city.Sign(Fixture.Example("level4-evacuation-order.xml"));
        await gateway.ReceiveAsync(original);
        Assert.Equal(AlertOutcome.Updated, (await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order-update.xml")))).Outcome);

        var receipt = await gateway.ReceiveAsync(original);

        Assert.Equal(AlertOutcome.RejectedReplayed, receipt.Outcome);
        Assert.Equal("aizuwakamatsu-2026-0710-002", Assert.Single(gateway.Board.GetCurrent()).Identifier);
        Assert.Equal(1, gateway.Statistics.Count(AlertOutcome.RejectedReplayed));
        Assert.Contains(gateway.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("RejectedReplayed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReceiveAsync_OriginalReplayedAfterCancel_NeverReachesTheBoard()
    {
        var original = city.Sign(Fixture.Example("level4-evacuation-order.xml"));
        await gateway.ReceiveAsync(original);
        await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order-cancel.xml")));

        var receipt = await gateway.ReceiveAsync(original);

        Assert.Equal(AlertOutcome.RejectedReplayed, receipt.Outcome);
        Assert.Empty(gateway.Board.GetCurrent());
        Assert.Equal(AlertEndReason.Cancelled, Assert.Single(gateway.Board.GetHistory()).Reason);
    }

    [Fact]
    public async Task ReceiveAsync_UpdateOlderThanTheVersionShown_IsRejectedAsReplay()
    {
        var first = CapXml.Alert("a-1", Sent, Expires);
        var newer = CapXml.Alert("a-3", Sent.AddMinutes(20), Expires, msgType: "Update", references: CapXml.Reference("a-1", Sent));
        var older = CapXml.Alert("a-2", Sent.AddMinutes(10), Expires, msgType: "Update", references: CapXml.Reference("a-1", Sent));
        await gateway.ReceiveAsync(city.Sign(first));
        await gateway.ReceiveAsync(city.Sign(newer));

        var receipt = await gateway.ReceiveAsync(city.Sign(older));

        Assert.Equal(AlertOutcome.RejectedReplayed, receipt.Outcome);
        Assert.Contains("older than the version shown", receipt.Detail, StringComparison.Ordinal);
        Assert.Equal("a-3", Assert.Single(gateway.Board.GetCurrent()).Identifier);
    }

    [Fact]
    public async Task ReceiveAsync_SameIdentifierWithOtherSent_IsRejectedAsReplay()
    {
        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("a-1", Sent, Expires)));

        var receipt = await gateway.ReceiveAsync(city.Sign(CapXml.Alert("a-1", Sent.AddMinutes(-5), Expires)));

        Assert.Equal(AlertOutcome.RejectedReplayed, receipt.Outcome);
    }

    [Fact]
    public async Task ReceiveAsync_RetainedAlertDeliveredAgain_IsADuplicateNotASecondAlert()
    {
        var alert = city.Sign(Fixture.Example("level4-evacuation-order.xml"));
        await gateway.ReceiveAsync(alert);
        var changes = 0;
        gateway.Board.Changed += (_, _) => changes++;

        var receipt = await gateway.ReceiveAsync(alert, retained: true);

        Assert.Equal(AlertOutcome.Duplicate, receipt.Outcome);
        Assert.False(receipt.IsRejected);
        Assert.Single(gateway.Board.GetCurrent());
        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task ReceiveAsync_Update_ReplacesTheReferencedAlert()
    {
        await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));
        var changes = 0;
        gateway.Board.Changed += (_, _) => changes++;

        var receipt = await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order-update.xml")));

        Assert.Equal(AlertOutcome.Updated, receipt.Outcome);
        var view = Assert.Single(gateway.Board.GetCurrent());
        Assert.Equal("aizuwakamatsu-2026-0710-002", view.Identifier);
        Assert.Equal(CapMessageType.Update, view.MessageType);
        Assert.Contains("北会津公民館", view.Instruction, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 7, 10, 18, 0, 0, TimeSpan.FromHours(9)), view.Expires);
        var past = Assert.Single(gateway.Board.GetHistory());
        Assert.Equal(AlertEndReason.Updated, past.Reason);
        Assert.Equal("aizuwakamatsu-2026-0710-001", past.View.Identifier);
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task ReceiveAsync_Cancel_ClearsTheAlert()
    {
        await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));
        await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order-update.xml")));

        var receipt = await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order-cancel.xml")));

        Assert.Equal(AlertOutcome.Cancelled, receipt.Outcome);
        Assert.Empty(gateway.Board.GetCurrent());
        Assert.Equal([AlertEndReason.Cancelled, AlertEndReason.Updated], gateway.Board.GetHistory().Select(h => h.Reason));
    }

    [Fact]
    public async Task ReceiveAsync_UpdateWithExpiresEqualToSent_StillEndsTheReferencedAlert()
    {
        // Real senders close an event with an Update whose expires equals its sent; refusing it as expired would
        // leave the alert it ends on the panel.
        await gateway.ReceiveAsync(city.Sign(Encoding.UTF8.GetBytes(CapXml.Alert("first", Sent, Expires))));
        var closing = CapXml.Alert("closing", Sent.AddMinutes(10), Sent.AddMinutes(10), msgType: "Update", references: CapXml.Reference("first", Sent));
        var signed = city.Sign(Encoding.UTF8.GetBytes(closing));

        var receipt = await gateway.ReceiveAsync(signed);
        var again = await gateway.ReceiveAsync(signed, retained: true);

        Assert.Equal(AlertOutcome.Updated, receipt.Outcome);
        Assert.Contains("nothing new is shown", receipt.Detail, StringComparison.Ordinal);
        Assert.Empty(gateway.Board.GetCurrent());
        Assert.Equal(AlertEndReason.Updated, Assert.Single(gateway.Board.GetHistory()).Reason);
        Assert.Equal(AlertOutcome.Duplicate, again.Outcome);
    }

    [Fact]
    public async Task ReceiveAsync_CancelWithExpiresEqualToSent_ClearsTheAlert()
    {
        await gateway.ReceiveAsync(city.Sign(Encoding.UTF8.GetBytes(CapXml.Alert("first", Sent, Expires))));
        var cancel = CapXml.Alert("cancel", Sent.AddMinutes(10), Sent.AddMinutes(10), msgType: "Cancel", references: CapXml.Reference("first", Sent));

        var receipt = await gateway.ReceiveAsync(city.Sign(Encoding.UTF8.GetBytes(cancel)));

        Assert.Equal(AlertOutcome.Cancelled, receipt.Outcome);
        Assert.Empty(gateway.Board.GetCurrent());
    }

    [Fact]
    public async Task ReceiveAsync_LAlertRelayAndItsCancelArrivingLate_ShowsThenClears()
    {
        var household = new AlertPreferences { Latitude = 37.455, Longitude = 139.93 };
        using var monden = new TestGateway(city.PublicPem, household, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 7, 12, 15, 0, 0, TimeSpan.FromHours(9))));

        var shown = await monden.ReceiveAsync(city.Sign(Fixture.Example("l-alert-evacuation-relay.xml")));
        var view = Assert.Single(monden.Board.GetCurrent());
        monden.Time.SetUtcNow(new DateTimeOffset(2026, 7, 12, 20, 30, 0, TimeSpan.FromHours(9)));
        var cancelled = await monden.ReceiveAsync(city.Sign(Fixture.Example("l-alert-evacuation-relay-cancel.xml")));

        Assert.Equal(AlertOutcome.Shown, shown.Outcome);
        Assert.Equal(4, view.Level);
        Assert.True(view.Takeover);
        Assert.Equal(AreaMatch.Inside, view.AreaMatch);
        Assert.Equal(AlertOutcome.Cancelled, cancelled.Outcome);
        Assert.Empty(monden.Board.GetCurrent());
        Assert.Equal(AlertEndReason.Cancelled, Assert.Single(monden.Board.GetHistory()).Reason);
    }

    [Fact]
    public async Task ReceiveAsync_RetainedCancelDeliveredAgain_IsADuplicate()
    {
        var cancel = city.Sign(Fixture.Example("level4-evacuation-order-cancel.xml"));
        await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));
        await gateway.ReceiveAsync(cancel);

        var receipt = await gateway.ReceiveAsync(cancel, retained: true);

        Assert.Equal(AlertOutcome.Duplicate, receipt.Outcome);
    }

    [Fact]
    public async Task Board_ExpiryTime_ClearsTheAlertWithoutAnyMessage()
    {
        await gateway.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));
        var changed = 0;
        gateway.Board.Changed += (_, _) => changed++;

        gateway.Time.SetUtcNow(new DateTimeOffset(2026, 7, 10, 11, 59, 59, TimeSpan.FromHours(9)));
        Assert.Single(gateway.Board.GetCurrent());
        Assert.Equal(0, changed);

        // The timer fires at 12:00 on the fake clock: the panel hears about it without having to read.
        gateway.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, changed);
        Assert.Empty(gateway.Board.GetCurrent());
        Assert.Equal(AlertEndReason.Expired, Assert.Single(gateway.Board.GetHistory()).Reason);
    }

    [Fact]
    public async Task Board_AlertWithoutExpires_ClearsAfterTheConfiguredLifetime()
    {
        await gateway.ReceiveAsync(city.Sign(CapXml.Alert("no-end", Sent, expires: null)));
        Assert.Single(gateway.Board.GetCurrent());

        gateway.Time.SetUtcNow(Sent + gateway.Options.LifetimeWithoutExpiry);

        Assert.Empty(gateway.Board.GetCurrent());
    }

    [Fact]
    public async Task Restart_RetainedAlertStillValid_IsShownAtOnce()
    {
        var alert = city.Sign(Fixture.Example("level4-evacuation-order-update.xml"));
        await gateway.ReceiveAsync(alert);
        using var restarted = gateway.Restart();
        gateway.Time.Advance(TimeSpan.FromHours(1));

        var receipt = await restarted.ReceiveAsync(alert, retained: true);

        Assert.Equal(AlertOutcome.Shown, receipt.Outcome);
        Assert.Equal("aizuwakamatsu-2026-0710-002", Assert.Single(restarted.Board.GetCurrent()).Identifier);
    }

    [Fact]
    public async Task Restart_RetainedCancelThenReplayedOriginal_OriginalIsRejected()
    {
        using var restarted = gateway.Restart();
        await restarted.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order-cancel.xml")), retained: true);

        var receipt = await restarted.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")));

        Assert.Equal(AlertOutcome.RejectedReplayed, receipt.Outcome);
        Assert.Empty(restarted.Board.GetCurrent());
    }

    [Fact]
    public async Task ReceiveAsync_Drill_ShowsThePermanentTestBanner()
    {
        gateway.Time.SetUtcNow(new DateTimeOffset(2026, 9, 1, 10, 5, 0, TimeSpan.FromHours(9)));

        await gateway.ReceiveAsync(city.Sign(Fixture.Example("drill-exercise.xml")));

        var view = Assert.Single(gateway.Board.GetCurrent());
        Assert.True(view.IsTest);
        Assert.Equal(CapStatus.Exercise, view.Status);
        Assert.Contains("訓練 / TEST", view.TestBanner, StringComparison.Ordinal);
        Assert.Equal(AreaMatch.Inside, view.AreaMatch);
    }

    [Fact]
    public async Task ReceiveAsync_TooLarge_IsRefusedBeforeVerification()
    {
        var receipt = await gateway.ReceiveAsync(new byte[gateway.Options.MaxMessageBytes + 1]);

        AssertRejected(receipt, AlertOutcome.RejectedTooLarge);
    }

    [Fact]
    public async Task ReceiveAsync_SignedButMalformedCap_IsRejected()
    {
        var receipt = await gateway.ReceiveAsync(city.Sign("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</identifier></alert>"));

        AssertRejected(receipt, AlertOutcome.RejectedMalformed);
        Assert.Contains("missing <sender>", receipt.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_SignedXmlWithDoctype_IsRejectedAfterTheSignatureHeld()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&x;</identifier></alert>";

        var receipt = await gateway.ReceiveAsync(city.Sign(xml));

        AssertRejected(receipt, AlertOutcome.RejectedMalformed);
        Assert.DoesNotContain("root:", receipt.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_InconsistentLevel_ShowsTheHigherLevelAndLogsIt()
    {
        var receipt = await gateway.ReceiveAsync(city.Sign(CapXml.Alert("odd", Sent, Expires, level: 3, severity: "Severe", urgency: "Immediate")));

        Assert.Equal(AlertOutcome.Shown, receipt.Outcome);
        Assert.Equal(4, Assert.Single(gateway.Board.GetCurrent()).Level);
        Assert.Contains(gateway.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("inconsistent", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        gateway.Dispose();
        city.Dispose();
    }

    private void AssertRejected(AlertReceipt receipt, AlertOutcome expected)
    {
        Assert.Equal(expected, receipt.Outcome);
        Assert.True(receipt.IsRejected);
        Assert.Empty(gateway.Board.GetCurrent());
        Assert.Empty(gateway.Board.GetHistory());
        Assert.Equal(1, gateway.Statistics.Count(expected));
        Assert.Equal(1, gateway.Statistics.Rejected);
        Assert.Contains(gateway.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(expected.ToString(), StringComparison.Ordinal));
    }
}
