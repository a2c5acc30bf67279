namespace Aizu.Gateway.Tests.CityLink;

/// <summary>
/// City alerts end to end: real mosquitto, the real <c>aizu-city</c> publisher, real gateway processes in
/// demo mode, their panels read over HTTP. Fails (never skips) without mosquitto.
/// </summary>
public sealed class CityAlertEndToEndTests
{
    private const string DistrictA = "07202-kitaaizu";
    private const string DistrictB = "07202-higashi";

    [Fact]
    public async Task Level4ForDistrictA_ShownAsTakeoverOnlyInA_UpdateReplaces_CancelClears_ExpiryClears_ForgeriesNeverShown()
    {
        using var directory = new TemporaryDirectory();
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        await using var a = await CityGateway.StartAsync(Path.Combine(directory.Path, "a"), city.Broker.Port, "gw-a-0001", DistrictA, city.PublicKeyFile);
        await using var b = await CityGateway.StartAsync(Path.Combine(directory.Path, "b"), city.Broker.Port, "gw-b-0002", DistrictB, city.PublicKeyFile);
        await WaitOnlineAsync(city, a, b);

        // 1. A signed level-4 evacuation order for district A.
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9));
        var sent = Truncate(now);
        var order = CapAlertXml.Create("e2e-order-1", sent, sent.AddHours(1), DistrictA);
        var originalJws = await city.SignAlertAsync(order, "order-1");
        await city.PublishAlertAsync(order, "order-1");
        var shown = Assert.Single(await a.WaitForAlertsAsync(c => c.Count == 1, "the level 4 order"));
        Assert.Equal("e2e-order-1", shown.GetProperty("identifier").GetString());
        Assert.True(shown.GetProperty("takeover").GetBoolean());
        Assert.Equal(4, shown.GetProperty("level").GetInt32());
        Assert.False(shown.GetProperty("isTest").GetBoolean());
        Assert.Equal("直ちに避難してください。", shown.GetProperty("instruction").GetString());
        Assert.Equal("Inside", shown.GetProperty("areaMatch").GetString());
        Assert.Equal("会津若松市", shown.GetProperty("senderName").GetString());
        Assert.Equal(sent, shown.GetProperty("issued").GetDateTimeOffset());
        Assert.Equal(sent.AddHours(1), shown.GetProperty("expires").GetDateTimeOffset());

        // B received and verified the same city-wide message, and filtered it out at home.
        await b.WaitForLogAsync("e2e-order-1 level 0 (not for this household)");
        Assert.Empty(await b.CurrentAlertsAsync());

        // 2. An Update replaces it.
        var update = CapAlertXml.Create("e2e-order-2", sent.AddSeconds(1), sent.AddHours(2), DistrictA, msgType: "Update",
            references: CapAlertXml.Reference("e2e-order-1", sent));
        await city.PublishAlertAsync(update, "order-2");
        await a.WaitForAlertsAsync(c => c.Count == 1 && c[0].GetProperty("identifier").GetString() == "e2e-order-2", "the update replacing the order");
        var history = (await a.AlertsAsync()).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("alert").GetProperty("identifier").GetString() == "e2e-order-1" && h.GetProperty("reason").GetString() == "Updated");

        // 3. The original replayed by someone with write access to the broker is rejected as a replay.
        await city.PublishRawAsync(WireTopics.CityAlerts, Encoding.ASCII.GetBytes(originalJws), 3600);
        await a.WaitForLogAsync("(RejectedReplayed)");
        Assert.DoesNotContain(await a.CurrentAlertsAsync(), c => c.GetProperty("identifier").GetString() == "e2e-order-1");

        // 4. A Cancel clears it.
        var cancel = CapAlertXml.Create("e2e-order-3", sent.AddSeconds(2), sent.AddHours(2), DistrictA, msgType: "Cancel",
            references: $"{CapAlertXml.Reference("e2e-order-1", sent)} {CapAlertXml.Reference("e2e-order-2", sent.AddSeconds(1))}");
        await city.PublishAlertAsync(cancel, "order-3");
        await a.WaitForAlertsAsync(c => c.Count == 0, "the cancel clearing the update");
        history = (await a.AlertsAsync()).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("alert").GetProperty("identifier").GetString() == "e2e-order-2" && h.GetProperty("reason").GetString() == "Cancelled");

        // 5. Forged (another key), tampered, expired: never shown, each rejected for its reason.
        var otherKey = Path.Combine(city.Directory, "impostor.pem");
        await CityTool.RunOkAsync("key", "generate", "--out", otherKey);
        var forged = CapAlertXml.Create("e2e-forged", Truncate(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9))), sent.AddHours(1), DistrictA);
        await city.PublishAlertAsync(forged, "forged", otherKey);
        await a.WaitForLogAsync("(RejectedBadSignature)");

        var genuine = await city.SignAlertAsync(CapAlertXml.Create("e2e-tampered", Truncate(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9))), sent.AddHours(1), DistrictA, level: 3), "tampered");
        var parts = genuine.Split('.');
        var xml = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/'))));
        var changed = xml.Replace("<value>3</value>", "<value>5</value>", StringComparison.Ordinal);
        Assert.NotEqual(xml, changed);
        var tampered = $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(changed)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        var rejectedBefore = Count(a.Output, "(RejectedBadSignature)");
        await city.PublishRawAsync(WireTopics.CityAlerts, Encoding.ASCII.GetBytes(tampered), 3600);
        await Eventually.TrueAsync(() => Count(a.Output, "(RejectedBadSignature)") > rejectedBefore, TimeSpan.FromSeconds(20), () => a.Output);

        // aizu-city refuses to sign an expired alert, so the expired one is signed with the city's key directly.
        using (var key = System.Security.Cryptography.ECDsa.Create())
        {
            key.ImportFromPem(await File.ReadAllTextAsync(city.SigningKeyFile));
            var old = sent.AddHours(-3);
            var expired = Es256Jws.Sign(Encoding.UTF8.GetBytes(CapAlertXml.Create("e2e-expired", old, old.AddHours(1), DistrictA)), key, JwsHeader.Thumbprinted(key, contentType: JwsContentTypes.Cap));
            await city.PublishRawAsync(WireTopics.CityAlerts, Encoding.ASCII.GetBytes(expired), 3600);
        }

        await a.WaitForLogAsync("(RejectedExpired)");
        Assert.Empty(await a.CurrentAlertsAsync());
        var all = (await a.AlertsAsync()).GetRawText();
        Assert.DoesNotContain("e2e-forged", all, StringComparison.Ordinal);
        Assert.DoesNotContain("e2e-tampered", all, StringComparison.Ordinal);
        Assert.DoesNotContain("e2e-expired", all, StringComparison.Ordinal);

        // 6. A short-lived alert clears itself at its expiry, without any further message.
        var shortSent = Truncate(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)));
        var shortLived = CapAlertXml.Create("e2e-short", shortSent, shortSent.AddSeconds(8), DistrictA, level: 3);
        await city.PublishAlertAsync(shortLived, "short");
        await a.WaitForAlertsAsync(c => c.Count == 1 && c[0].GetProperty("identifier").GetString() == "e2e-short", "the short-lived alert");
        var alertMessages = city.Recorder.Messages.Count(m => m.Topic.StartsWith("aizu/v1/alert/", StringComparison.Ordinal));
        await a.WaitForAlertsAsync(c => c.Count == 0, "the short-lived alert clearing at its expiry", TimeSpan.FromSeconds(20));
        Assert.True(DateTimeOffset.UtcNow >= shortSent.AddSeconds(8));
        Assert.Equal(alertMessages, city.Recorder.Messages.Count(m => m.Topic.StartsWith("aizu/v1/alert/", StringComparison.Ordinal)));
        history = (await a.AlertsAsync()).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("alert").GetProperty("identifier").GetString() == "e2e-short" && h.GetProperty("reason").GetString() == "Expired");

        // B never showed anything for district A.
        var bAlerts = await b.AlertsAsync();
        Assert.Empty(bAlerts.GetProperty("current").EnumerateArray());
        Assert.Empty(bAlerts.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task RestartDuringAlert_ShowsItWithin5sOfReconnecting_AndIAmSafe_SendsNothingWithoutConsent_ExactlyOneWithIt()
    {
        using var directory = new TemporaryDirectory();
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        var catalogue = city.SignCatalogue(DateTimeOffset.UtcNow);
        await city.PublishCatalogueAsync(catalogue);
        await using var a = await CityGateway.StartAsync(Path.Combine(directory.Path, "a"), city.Broker.Port, "gw-a-0001", DistrictA, city.PublicKeyFile);
        await WaitOnlineAsync(city, a);

        var sent = Truncate(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)));
        await city.PublishAlertAsync(CapAlertXml.Create("e2e-restart", sent, sent.AddHours(1), DistrictA), "restart");
        await a.WaitForAlertsAsync(c => c.Count == 1, "the order before the restart");

        // Power cut and restart: the retained alert is shown within 5 s of the gateway's reconnect (its birth message).
        var births = BirthCount(city, a);
        await a.RestartAsync();
        await Eventually.TrueAsync(() => BirthCount(city, a) > births, TimeSpan.FromSeconds(30), () => a.Output);
        var reconnected = Stopwatch.StartNew();
        await a.WaitForAlertsAsync(c => c.Count == 1 && c[0].GetProperty("identifier").GetString() == "e2e-restart", "the retained order after the restart", TimeSpan.FromSeconds(5));
        var shownAfter = reconnected.Elapsed;
        Assert.True(shownAfter < TimeSpan.FromSeconds(5), $"shown {shownAfter} after reconnecting");

        // The catalogue arrived over MQTT: its purposes are requests in the gateway's ledger (never a yes).
        using var household = city.HouseholdConsents(a.DatabasePath, TimeProvider.System);
        var consents = household.GetRequiredService<ConsentService>();
        await Eventually.TrueAsync(async () => await consents.GetCatalogueAsync(CancellationToken.None) is not null, TimeSpan.FromSeconds(20), () => a.Output);
        Assert.DoesNotContain(await consents.GetGrantsAsync(CancellationToken.None), g => g.IsActiveAt(DateTimeOffset.UtcNow));

        // "I'm safe" without an alert.ack consent: recorded on the device, nothing on the broker.
        var before = city.Recorder.Messages.Count;
        var ack = await a.AcknowledgeAsync("e2e-restart");
        Assert.Equal("NotConsented", ack.GetProperty("forwarding").GetString());
        Assert.False(ack.GetProperty("sentToCity").GetBoolean());
        var shown = Assert.Single(await a.CurrentAlertsAsync());
        Assert.Equal("NotConsented", shown.GetProperty("acknowledgement").GetProperty("forwarding").GetString());
        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterLocalAck = city.Recorder.Messages.Skip(before).ToList();
        Assert.True(afterLocalAck.Count == 0, "the broker saw: " + string.Join(", ", afterLocalAck.Select(m => m.Topic)));

        // With the separate alert.ack consent: exactly one acknowledgement message, however often it is pressed.
        var decision = await consents.GrantAsync(CityCouncil.SafetyPurpose, DataCategories.AlertAcknowledgement, Granularity.Day, null, null, CancellationToken.None);
        var reference = decision.Grant.Reference;
        await Eventually.TrueAsync(() => city.Recorder.Messages.Any(m => m.Topic.StartsWith($"aizu/v1/consent/{CityCouncil.SafetyPurpose}/", StringComparison.Ordinal)), TimeSpan.FromSeconds(20), () => a.Output);
        ack = await a.AcknowledgeAsync("e2e-restart");
        Assert.Equal("Queued", ack.GetProperty("forwarding").GetString());
        Assert.True(ack.GetProperty("sentToCity").GetBoolean());
        Assert.Equal(reference, Assert.Single(ack.GetProperty("consents").EnumerateArray()).GetString());
        ack = await a.AcknowledgeAsync("e2e-restart");
        Assert.Equal("AlreadyQueued", ack.GetProperty("forwarding").GetString());

        static bool IsAck(RecordedMessage m) => m.Topic.StartsWith($"aizu/v1/dt/{CityCouncil.SafetyPurpose}/{DataCategories.AlertAcknowledgement}/", StringComparison.Ordinal);
        await Eventually.TrueAsync(() => city.Recorder.Messages.Any(IsAck), TimeSpan.FromSeconds(20), () => a.Output);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var acks = city.Recorder.Messages.Where(IsAck).ToList();
        var sentAck = Assert.Single(acks);
        // Sent under the acknowledgement data set's opaque reference, which its retained state lists (and the consent id is not on the wire).
        var ackState = city.Recorder.Messages.Last(m => m.Topic == $"aizu/v1/consent/{CityCouncil.SafetyPurpose}/{sentAck.Topic.Split('/')[5]}");
        Assert.Contains(sentAck.Property("consent-ref"), ConsentStatePayload.Read(ackState.Payload).Grants.Select(g => g.Consent));
        Assert.DoesNotContain(decision.Grant.ConsentId, sentAck.Text + string.Join(' ', sentAck.UserProperties.Select(p => p.Value)), StringComparison.Ordinal);
        Assert.Equal("aizu.alert-ack/1", sentAck.Property("schema"));
        using var payload = JsonDocument.Parse(sentAck.Payload);
        Assert.Equal("safe", payload.RootElement.GetProperty("ack").GetString());
        Assert.Equal(CapAlertXml.Reference("e2e-restart", sent), payload.RootElement.GetProperty("alert").GetString());
        Assert.DoesNotContain(city.Recorder.Messages, m => m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal) && !IsAck(m));
    }

    internal static async Task WaitOnlineAsync(CityCouncil city, params CityGateway[] gateways)
    {
        foreach (var gateway in gateways)
        {
            await Eventually.TrueAsync(() => BirthCount(city, gateway) > 0, TimeSpan.FromSeconds(30), () => $"{gateway.GatewayId} never came online:{Environment.NewLine}{gateway.Output}");
        }
    }

    private static int BirthCount(CityCouncil city, CityGateway gateway) =>
        city.Recorder.Messages.Count(m => m.Topic == $"aizu/v1/status/{gateway.GatewayId}" && m.Text.Contains("online", StringComparison.Ordinal));

    private static DateTimeOffset Truncate(DateTimeOffset value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string Pad(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
}
