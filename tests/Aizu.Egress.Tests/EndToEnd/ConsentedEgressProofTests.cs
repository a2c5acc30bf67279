namespace Aizu.Egress.Tests.EndToEnd;

/// <summary>
/// The proof: a real mosquitto, a raw subscriber on <c>#</c>, a store filled with a simulated household's
/// readings, and the real egress side, outbox and uplink on a fake clock through two and a half days
/// of grants, a refusal, withdrawals, an expiry and a renewal. Every message the broker ever delivered
/// is then judged against the test's own record of the household's decisions.
/// </summary>
public sealed class ConsentedEgressProofTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);
    private static readonly HashSet<string> SenmlLabels = ["bn", "bver", "n", "u", "v", "t", "agg"];
    private readonly FakeTimeProvider time = new(T0);
    private readonly TestConsentRegistry registry = new();
    private readonly WindowCutter calendar = new(new Aizu.Household.HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
    private BrokerScene scene = null!;
    private BrokerRecorder recorder = null!;
    private GatewayHarness gateway = null!;

    public async Task InitializeAsync()
    {
        scene = await BrokerScene.StartAsync("aizu-proof-", time, registry);
        (recorder, gateway) = (scene.Recorder, scene.Gateway);
    }

    public Task DisposeAsync() => scene.DisposeAsync().AsTask();

    [Fact]
    public async Task EveryMessageOnTheBroker_MatchesAnActiveGrantAtSendTime_AndNothingFinerThanItLeaves()
    {
        // Three hours with no grant: only the gateway's status may appear.
        await gateway.AdvanceAsync(TimeSpan.FromHours(3), Step);
        Assert.NotEmpty(recorder.Messages);
        Assert.All(recorder.Messages, m => AssertStatus(m));

        var now = time.GetUtcNow();
        var hourly = Grant("peak-a", 1, DataCategories.ElectricImportEnergy, Granularity.Hour, "peak-demand-study", new ValueTransform(100), now, T0.AddHours(9));
        var daily = Grant("plan-b", 1, DataCategories.ElectricImportEnergy, Granularity.Day, "city-energy-planning", new ValueTransform(100), now, now.AddDays(365));
        var export = Grant("decarb-c", 1, DataCategories.ElectricExportEnergy, Granularity.Day, "decarbonisation-stats", new ValueTransform(100), now, now.AddDays(365));
        var research = Grant("research-d", 1, DataCategories.ElectricImportEnergy, Granularity.HalfHour, "academic-research", new ValueTransform(10, 50), T0.AddHours(4), now.AddDays(180)) with { PurposeIri = DpvPurposes.AcademicResearch };
        var refused = Grant("marketing-e", 1, DataCategories.ElectricImportEnergy, Granularity.Hour, "marketing", new ValueTransform(100), now, now.AddDays(365)) with { Status = ConsentStatus.Refused };
        foreach (var grant in new[] { hourly, daily, export, research, refused })
        {
            registry.Give(grant, now);
        }

        await gateway.AdvanceAsync(TimeSpan.FromHours(3), Step);

        // The household withdraws the research consent; its unsent half hour must never appear.
        registry.Withdraw(research.ConsentId, time.GetUtcNow());
        await gateway.WaitForPassAsync();
        await gateway.WaitForDrainAsync();

        // The hourly grant expires at T0+9h while time goes on.
        await gateway.AdvanceAsync(TimeSpan.FromHours(4), Step);

        // Renewed as a new version, for two days.
        now = time.GetUtcNow();
        var renewed = hourly with { Version = 2, Status = ConsentStatus.Renewed, ValidFrom = now, ExpiresAt = T0.AddDays(2) };
        registry.Give(renewed, now);
        await gateway.AdvanceAsync(TimeSpan.FromHours(39), Step);

        registry.Withdraw(daily.ConsentId, time.GetUtcNow());
        await gateway.WaitForPassAsync();
        await gateway.WaitForDrainAsync();
        await gateway.AdvanceAsync(TimeSpan.FromHours(2), Step);

        var messages = recorder.Messages;
        var data = messages.Where(m => m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal)).ToList();

        // On the wire a message names only opaque references of its data set; the gateway resolves them.
        var consentOf = new Dictionary<RecordedMessage, string?>();
        foreach (var message in data)
        {
            consentOf[message] = await gateway.ConsentBehindAsync(message.Topic.Split('/')[^1], message.Property("consent-ref"));
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var levels = message.Topic.Split('/');
            switch (message.Topic)
            {
                case var t when t == $"aizu/v1/status/{GatewayHarness.GatewayId}":
                    AssertStatus(message);
                    break;
                case var t when t.StartsWith("aizu/v1/consent/", StringComparison.Ordinal) && levels.Length == 5:
                    await AssertConsentStateAsync(message);
                    break;
                case var t when t.StartsWith("aizu/v1/consent/", StringComparison.Ordinal) && levels.Length == 6 && levels[5] == "deletion":
                    await AssertDeletionRequestAsync(message);
                    break;
                case var t when t.StartsWith("aizu/v1/dt/", StringComparison.Ordinal):
                    AssertConsentedAggregate(message, consentOf[message]);
                    AssertStateListedBefore(messages.Take(i).ToList(), message);
                    break;
                default:
                    Assert.Fail($"Unexpected topic {message.Topic}: {message.Text}");
                    break;
            }
        }

        // What was released, per consent version, is exactly what the grants asked for. The last window
        // before an expiry closes at the expiry and would be sent after it, so it never leaves.
        Assert.Equal(5, data.Count(m => consentOf[m] == hourly.Reference));           // 03:00 … 07:00
        Assert.Equal(37, data.Count(m => consentOf[m] == renewed.Reference));         // 10:00 … next day 22:00
        Assert.Single(data, m => consentOf[m] == daily.Reference);                     // Tuesday only
        Assert.InRange(data.Count(m => consentOf[m] == research.Reference), 1, 4);     // until the withdrawal
        Assert.DoesNotContain(data, m => consentOf[m] == export.Reference);            // nothing measured
        Assert.DoesNotContain(messages, m => m.Text.Contains("marketing", StringComparison.Ordinal));
        Assert.Equal(2, messages.Count(m => m.Topic.EndsWith("/deletion", StringComparison.Ordinal)));

        // Per-purpose pseudonyms: the data sets of different purposes share no identifier.
        var pseudonymsByPurpose = data.GroupBy(m => m.Property("purpose")!).ToDictionary(g => g.Key, g => g.Select(m => m.Topic.Split('/')[^1]).ToHashSet());
        Assert.All(pseudonymsByPurpose.Values, set => Assert.Single(set));
        Assert.Equal(pseudonymsByPurpose.Count, pseudonymsByPurpose.Values.SelectMany(s => s).Distinct().Count());
        Assert.DoesNotContain(messages, m => !m.Topic.StartsWith("aizu/v1/status/", StringComparison.Ordinal) && m.Topic.Contains(GatewayHarness.GatewayId, StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Text.Contains(GatewayHarness.GatewayId, StringComparison.Ordinal));

        // The renewal is a new version: its reference differs, so nothing on the wire says it continues version 1.
        Assert.DoesNotContain(data.Where(m => consentOf[m] == renewed.Reference).Select(m => m.Property("consent-ref")),
            r => data.Any(m => consentOf[m] == hourly.Reference && m.Property("consent-ref") == r));

        // The egress log holds exactly what the broker delivered, byte for byte.
        var log = await gateway.Log.ListAsync(new EgressLogFilter { Delivered = true }, CancellationToken.None);
        var gatewayMessages = messages.Where(m => !m.Topic.StartsWith("aizu/v1/status/", StringComparison.Ordinal)).ToList();
        Assert.Equal(gatewayMessages.Count, log.Count);
        foreach (var entry in log)
        {
            var seen = Assert.Single(gatewayMessages, m => m.CorrelationData == entry.MessageId);
            Assert.Equal(seen.Topic, entry.Topic);
            Assert.Equal(seen.Payload, entry.Payload.ToArray());
            if (seen.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal))
            {
                // The household's log names the consent each message left under, though the wire does not.
                Assert.Equal(consentOf[seen], entry.ConsentReference);
            }

            Assert.Equal(0, entry.PubAckReasonCode);
        }
    }

    private void AssertConsentedAggregate(RecordedMessage message, string? reference)
    {
        Assert.NotNull(reference);
        Assert.Matches("^[0-9a-f]{24}$", message.Property("consent-ref"));
        Assert.True(registry.WasActiveAt(reference, message.ReceivedAt), $"{message.Topic} under {reference} reached the broker at {message.ReceivedAt:O}, when that consent was not active");
        var grant = registry.Find(reference);

        var levels = message.Topic.Split('/');
        Assert.Equal(6, levels.Length);
        Assert.Equal(grant.Purpose, levels[3]);
        Assert.Equal(grant.Category, levels[4]);
        Assert.Matches("^[0-9a-f]{16}$", levels[5]);
        Assert.Equal(grant.Purpose, message.Property("purpose"));
        Assert.Equal(grant.Granularity, message.Property("agg"));
        Assert.Equal(SchemaIds.EnergyWindow, message.Property("schema"));
        Assert.Equal(message.CorrelationData, message.Property("msg-id"));
        Assert.Equal("application/senml+json", message.ContentType);
        Assert.False(message.Retain);

        using var json = JsonDocument.Parse(message.Payload);
        var record = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.All(record.EnumerateObject(), p => Assert.Contains(p.Name, SenmlLabels));
        Assert.Equal(26, record.GetProperty("bver").GetInt32());
        Assert.Equal("Wh", record.GetProperty("u").GetString());
        Assert.Equal(grant.Category, record.GetProperty("n").GetString());
        Assert.Equal($"urn:dev:os:32473-{levels[5]}:", record.GetProperty("bn").GetString());
        Assert.Equal(grant.Granularity, record.GetProperty("agg").GetString());

        // Nothing finer than the grant: one whole window of its granularity, closed before sending,
        // inside the grant's validity, the value on the grant's rounding grid.
        var start = DateTimeOffset.FromUnixTimeSeconds(record.GetProperty("t").GetInt64());
        var window = calendar.Containing(start, grant.Granularity);
        Assert.Equal(start, window.Start);
        Assert.True(window.End <= message.ReceivedAt);
        Assert.True(window.Start >= grant.ValidFrom && window.End <= grant.ExpiresAt);
        var value = record.GetProperty("v").GetDouble();
        Assert.True(value >= 0);
        Assert.Equal(0m, (decimal)value % (decimal)grant.Transform.RoundTo);
        if (grant.Transform.NoiseScale == 0)
        {
            var measured = (gateway.Household.RegisterAt(window.End) - gateway.Household.RegisterAt(window.Start)) * 1000;
            var step = (decimal)grant.Transform.RoundTo;
            Assert.Equal((double)(Math.Round((decimal)measured / step, MidpointRounding.AwayFromZero) * step), value);
        }
    }

    private async Task AssertConsentStateAsync(RecordedMessage message)
    {
        Assert.True(message.Retain || message.ReceivedAt >= T0);
        var pseudonym = message.Topic.Split('/')[^1];
        if (message.Payload.Length == 0)
        {
            return;
        }

        var state = ConsentStatePayload.Read(message.Payload);
        Assert.Equal(pseudonym, state.Pseudonym);
        foreach (var grant in state.Grants)
        {
            var reference = await gateway.ConsentBehindAsync(pseudonym, grant.Consent);
            Assert.NotNull(reference);
            Assert.True(registry.WasActiveAt(reference, message.ReceivedAt));
            Assert.Equal(message.Topic.Split('/')[3], grant.Purpose);
        }

        Assert.DoesNotContain("\"v\"", message.Text, StringComparison.Ordinal);
        Assert.Null(message.Property("consent-ref"));
    }

    private async Task AssertDeletionRequestAsync(RecordedMessage message)
    {
        var request = DeletionRequestPayload.Read(message.Payload);
        Assert.Equal(message.Topic.Split('/')[4], request.Pseudonym);
        Assert.NotEmpty(request.Consents);
        foreach (var opaque in request.Consents)
        {
            var reference = await gateway.ConsentBehindAsync(request.Pseudonym, opaque);
            Assert.NotNull(reference);
            Assert.True(registry.WithdrawnAt(reference) <= message.ReceivedAt);
        }

        Assert.Null(message.Property("consent-ref"));
    }

    // The order guarantee: the data set's retained state listing the message's reference reached the broker first.
    private static void AssertStateListedBefore(IReadOnlyList<RecordedMessage> earlier, RecordedMessage message)
    {
        var levels = message.Topic.Split('/');
        var state = earlier.LastOrDefault(m => m.Topic == $"aizu/v1/consent/{levels[3]}/{levels[5]}");
        Assert.True(state is not null, $"{message.Topic} arrived before any consent state of its data set");
        Assert.Contains(message.Property("consent-ref"), ConsentStatePayload.Read(state.Payload).Grants.Select(g => g.Consent));
    }

    private static void AssertStatus(RecordedMessage message)
    {
        Assert.Equal($"aizu/v1/status/{GatewayHarness.GatewayId}", message.Topic);
        using var json = JsonDocument.Parse(message.Payload);
        Assert.All(json.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, new[] { "state", "sw" }));
    }

    private static ConsentGrant Grant(string id, int version, string category, string granularity, string purpose, ValueTransform transform, DateTimeOffset from, DateTimeOffset to) =>
        new(id, version, category, granularity, purpose, "https://w3id.org/dpv#ImprovePublicServices", "city-energy-office", false, transform, from, to, ConsentStatus.Given);
}
