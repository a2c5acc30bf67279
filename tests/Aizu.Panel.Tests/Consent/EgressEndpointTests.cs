namespace Aizu.Panel.Tests.Consent;

/// <summary>"What left my home" over real HTTP, on the real egress side's outbox and log in the same file.</summary>
public sealed class EgressEndpointTests
{
    [Fact]
    public async Task WithoutACityConnection_SaysNothingCanLeave()
    {
        await using var panel = await ConsentPanel.StartAsync(egress: false);

        var page = await panel.Client.GetFromJsonAsync<JsonElement>("/api/egress");
        Assert.False(page.GetProperty("configured").GetBoolean());
        Assert.Empty(page.GetProperty("entries").EnumerateArray());
        Assert.False((await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent")).GetProperty("egressConfigured").GetBoolean());
    }

    [Fact]
    public async Task Status_ShowsTheOutboxAgainstItsBudget()
    {
        await using var panel = await ConsentPanel.StartAsync(egress: true);

        var egress = (await panel.Client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("egress");

        Assert.Equal(0, egress.GetProperty("outboxPending").GetInt32());
        Assert.Equal(new EgressOptions().OutboxMaxPending, egress.GetProperty("outboxMaxPending").GetInt32());
        Assert.Equal(0, egress.GetProperty("outboxDroppedOverBudget").GetInt64());
        Assert.Equal(JsonValueKind.Null, egress.GetProperty("lastOutboxDropAt").ValueKind);
    }

    [Fact]
    public async Task Message_ShowsPending_ThenRefused_ThenSent_ExactlyAsSent()
    {
        await using var panel = await ConsentPanel.StartAsync(egress: true);
        await panel.ApplyCatalogueAsync(1);
        Assert.True((await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent")).GetProperty("egressConfigured").GetBoolean());
        using (var granted = await panel.Client.PostAsJsonAsync("/api/consent/grants", new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy }))
        {
            granted.EnsureSuccessStatusCode();
        }

        // The egress side publishes the list of consents in force (terms only) once it sees the grant.
        var outbox = panel.Service<SqliteOutbox>();
        await panel.Service<EgressService>().RunPassAsync(CancellationToken.None);
        UplinkMessage? message = null;
        await Eventually.TrueAsync(() =>
        {
            message = outbox.ListPendingAsync(CancellationToken.None).GetAwaiter().GetResult()
                .FirstOrDefault(m => m.Topic.StartsWith(WireTopics.ConsentPrefix + ConsentPanel.EnergyPurpose + "/", StringComparison.Ordinal) && Encoding.UTF8.GetString(m.Payload.Span).Contains(ConsentPanel.EnergyPurpose, StringComparison.Ordinal));
            return message is not null;
        }, "the consent state in the outbox");

        var pending = Single(await Page(panel, "status=pending"), message!.MessageId);
        Assert.Equal("consentState", pending.GetProperty("kind").GetString());
        Assert.Equal(message.Topic, pending.GetProperty("topic").GetString());

        // The broker refuses it (ACL): not delivery; the refusal and its reason code are shown, the message waits.
        await outbox.MarkFailedAsync(message.MessageId, 0x87, "Not authorized", CancellationToken.None);
        var refused = Single(await Page(panel, "status=refused"), message.MessageId);
        Assert.Equal(0x87, refused.GetProperty("reasonCode").GetInt32());
        Assert.Equal("Not authorized", refused.GetProperty("reason").GetString());
        Assert.Equal(1, refused.GetProperty("attempt").GetInt32());
        Single(await Page(panel, "status=pending"), message.MessageId);

        await outbox.MarkDeliveredAsync(message.MessageId, 0, CancellationToken.None);
        var sentPage = await Page(panel, "status=sent");
        var sent = Single(sentPage, message.MessageId);
        Assert.Equal(2, sent.GetProperty("attempt").GetInt32());
        Assert.Equal(message.Payload.ToArray(), Convert.FromBase64String(sent.GetProperty("payload").GetString()!));
        Assert.Equal(Encoding.UTF8.GetString(message.Payload.Span), sent.GetProperty("payloadText").GetString());
        Assert.Equal(message.Payload.Length, sent.GetProperty("payloadBytes").GetInt32());
        Assert.Equal(message.ContentType, sent.GetProperty("contentType").GetString());
        Assert.Equal(message.Retain, sent.GetProperty("retain").GetBoolean());
        Assert.Equal(
            message.UserProperties.Select(p => $"{p.Key}={p.Value}"),
            sent.GetProperty("userProperties").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}={p.GetProperty("value").GetString()}"));

        // Newest first: the delivery, then the refusal. Paging by one walks the same order.
        var all = (await Page(panel, "")).GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("messageId").GetString() == message.MessageId).ToList();
        Assert.Equal(["sent", "refused"], all.Select(e => e.GetProperty("status").GetString()));
        var first = await Page(panel, "limit=1");
        var next = first.GetProperty("nextBefore").GetString();
        Assert.NotNull(next);
        var second = await Page(panel, $"limit=1&before={Uri.EscapeDataString(next)}");
        Assert.NotEqual(first.GetProperty("entries")[0].GetProperty("key").GetString(), second.GetProperty("entries")[0].GetProperty("key").GetString());
        Assert.True(first.GetProperty("entries")[0].GetProperty("at").GetDateTimeOffset() >= second.GetProperty("entries")[0].GetProperty("at").GetDateTimeOffset());

        // Filters: a purpose the consent state does not belong to, and a day range in the future, match nothing.
        Assert.Empty((await Page(panel, $"purpose={ConsentPanel.EnergyPurpose}")).GetProperty("entries").EnumerateArray());
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty((await Page(panel, $"from={tomorrow}")).GetProperty("entries").EnumerateArray());
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Single(await Page(panel, $"from={yesterday}&status=sent"), message.MessageId);

        Assert.Equal(HttpStatusCode.BadRequest, (await panel.Client.GetAsync("/api/egress?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await panel.Client.GetAsync("/api/egress?from=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await panel.Client.GetAsync("/api/egress?before=nonsense")).StatusCode);
    }

    private static async Task<JsonElement> Page(ConsentPanel panel, string query)
    {
        using var response = await panel.Client.GetAsync($"/api/egress?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/egress?{query}: {(int)response.StatusCode} {body}");
        var page = JsonDocument.Parse(body).RootElement.Clone();
        Assert.True(page.GetProperty("configured").GetBoolean());
        return page;
    }

    private static JsonElement Single(JsonElement page, string messageId) =>
        Assert.Single(page.GetProperty("entries").EnumerateArray(), e => e.GetProperty("messageId").GetString() == messageId);
}
