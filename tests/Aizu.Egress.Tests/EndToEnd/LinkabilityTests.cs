namespace Aizu.Egress.Tests.EndToEnd;

/// <summary>
/// Issue 13, finding 5: what a recipient (or anyone on <c>#</c>) receives cannot be joined across data sets or
/// periods. One household, the real egress side, outbox and uplink on a fake clock and a real mosquitto, two
/// years of days: three purposes with three recipients (one with monthly pseudonyms, one of them alert
/// acknowledgements), a renewal, a withdrawal with its deletion requests, and two year rotations. Every
/// identifier-bearing token of every message is collected per (data set, period); no token may appear in two.
/// </summary>
public sealed partial class LinkabilityTests : IAsyncLifetime
{
    // 1 December 2026, Tokyo: the run crosses into 2027 and 2028.
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));
    private static readonly TimeSpan Step = TimeSpan.FromDays(1);
    private readonly FakeTimeProvider time = new(T0);
    private readonly TestConsentRegistry registry = new();
    private readonly WindowCutter calendar = new(new Aizu.Household.HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
    private BrokerScene scene = null!;
    private MosquittoBroker broker = null!;
    private BrokerRecorder recorder = null!;
    private GatewayHarness gateway = null!;

    public async Task InitializeAsync()
    {
        scene = await BrokerScene.StartAsync("aizu-unlink-", time, registry);
        (broker, recorder, gateway) = (scene.Broker, scene.Recorder, scene.Gateway);
    }

    public Task DisposeAsync() => scene.DisposeAsync().AsTask();

    [Fact]
    public async Task NoTokenOfOneDataSetAndPeriod_AppearsInAnother_AndTheGatewayIdOnlyInItsStatus()
    {
        registry.PseudonymPeriodOf["peak-demand-study"] = PseudonymPeriods.Month;
        var planning = Grant("plan-b", DataCategories.ElectricImportEnergy, Granularity.Day, "city-energy-planning", "city-energy-office");
        var peak = Grant("peak-a", DataCategories.ElectricImportEnergy, Granularity.Day, "peak-demand-study", "tepco-research");
        var safety = Grant("safe-s", DataCategories.AlertAcknowledgement, Granularity.Day, "safety-confirmation", "city-disaster-office");
        foreach (var grant in new[] { planning, peak, safety })
        {
            registry.Give(grant, T0);
        }

        var acknowledgements = gateway.Services.GetRequiredService<AcknowledgementEgress>();
        for (var day = 1; day <= 731; day++)
        {
            await gateway.AdvanceAsync(Step, Step);
            var now = time.GetUtcNow();
            if (day is 20 or 400)
            {
                Assert.Single(await acknowledgements.OfferAsync($"bousai@aizuwakamatsu.example,drill-{day},2027-01-01T09:00:00+09:00", now, CancellationToken.None));
            }

            if (day == 360)
            {
                // Renewed for another year: the same consent, which must not show on the wire as the same.
                foreach (var grant in new[] { planning, peak, safety })
                {
                    registry.Give(grant with { Status = ConsentStatus.Renewed, ExpiresAt = T0.AddDays(800) }, now);
                }
            }

            if (day == 540)
            {
                registry.Withdraw(peak.ConsentId, now);
            }
        }

        await gateway.WaitForPassAsync();
        await gateway.WaitForDrainAsync();
        var messages = recorder.Messages;

        // The data sets the test knows from the content: purpose and the period of each data window.
        var periodOfPseudonym = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages.Where(m => m.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal)))
        {
            var levels = message.Topic.Split('/');
            var start = WindowStart(message);
            var local = calendar.Calendar.LocalDate(start);
            var period = levels[3] == "peak-demand-study" ? local.ToString("yyyy-MM", CultureInfo.InvariantCulture) : local.Year.ToString(CultureInfo.InvariantCulture);
            var dataSet = $"{levels[3]}|{period}";
            Assert.Equal(dataSet, periodOfPseudonym.GetValueOrDefault(levels[5], dataSet));
            periodOfPseudonym[levels[5]] = dataSet;
        }

        // One pseudonym per (data set, period), never shared: 3 years of planning, 24 months of peak data until
        // the withdrawal (Dec 2026 … May 2028: 18), the acknowledgements of two years.
        Assert.Equal(periodOfPseudonym.Count, periodOfPseudonym.Values.Distinct().Count());
        Assert.Equal(["2026", "2027", "2028"], periodOfPseudonym.Values.Where(v => v.StartsWith("city-energy-planning|", StringComparison.Ordinal)).Select(v => v[^4..]).Order());
        Assert.Equal(18, periodOfPseudonym.Values.Count(v => v.StartsWith("peak-demand-study|", StringComparison.Ordinal)));
        Assert.Equal(2, periodOfPseudonym.Values.Count(v => v.StartsWith("safety-confirmation|", StringComparison.Ordinal)));

        // Every message belongs to exactly one data set and period, named by its topic's pseudonym; collect its tokens.
        var tokens = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.Topic.StartsWith("aizu/v1/status/", StringComparison.Ordinal))
            {
                continue;
            }

            var levels = message.Topic.Split('/');
            var pseudonym = levels[2] == "dt" ? levels[5] : levels[4];
            Assert.True(levels[2] is "dt" or "consent", $"unexpected topic {message.Topic}");
            var key = periodOfPseudonym.GetValueOrDefault(pseudonym, $"{levels[3]}|state-only:{pseudonym}");
            var set = tokens.TryGetValue(key, out var found) ? found : tokens[key] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in TokensOf(message))
            {
                set.Add(token);
            }

            // Structurally, too: each id the message names is this data set's.
            Assert.Contains(pseudonym, set);
        }

        foreach (var (key, set) in tokens)
        {
            foreach (var (otherKey, otherSet) in tokens.Where(t => string.CompareOrdinal(t.Key, key) > 0))
            {
                var shared = set.Intersect(otherSet, StringComparer.Ordinal).ToList();
                Assert.True(shared.Count == 0, $"{key} and {otherKey} share {string.Join(", ", shared)}");
            }
        }

        // The days a consent began and ends do not join periods: each state gives its validity cut to its period.
        foreach (var purpose in tokens.Keys.Select(k => k.Split('|')[0]).Distinct())
        {
            var daysByPeriod = messages
                .Where(m => m.Topic.StartsWith($"aizu/v1/consent/{purpose}/", StringComparison.Ordinal) && m.Topic.Split('/').Length == 5 && m.Payload.Length > 0)
                .GroupBy(m => periodOfPseudonym.GetValueOrDefault(m.Topic.Split('/')[4], m.Topic))
                .ToDictionary(g => g.Key, g => g.SelectMany(m => ConsentStatePayload.Read(m.Payload).Grants)
                    .SelectMany(grant => new[] { $"validFrom:{grant.ValidFrom:O}", $"expiresAt:{grant.ExpiresAt:O}" }).ToHashSet());
            foreach (var (period, days) in daysByPeriod)
            {
                Assert.All(daysByPeriod.Where(p => string.CompareOrdinal(p.Key, period) > 0), other =>
                    Assert.True(!days.Overlaps(other.Value), $"{period} and {other.Key} share {string.Join(", ", days.Intersect(other.Value))}"));
            }
        }

        // Renewals, versions and periods: a consent's references never repeat across data sets (checked above) and
        // the deletion requests after the withdrawal went to each monthly data set the data was sent in.
        var deletions = messages.Where(m => m.Topic.EndsWith("/deletion", StringComparison.Ordinal)).ToList();
        Assert.Equal(18, deletions.Count);
        Assert.All(deletions, d => Assert.StartsWith("aizu/v1/consent/peak-demand-study/", d.Topic, StringComparison.Ordinal));
        Assert.Equal(18, deletions.Select(d => d.Topic).Distinct().Count());

        // The order guarantee on every data message: its data set's state listing its reference came first.
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Topic.Split('/') is [_, _, "dt", var purpose, _, var pseudonym])
            {
                var state = messages.Take(i).LastOrDefault(m => m.Topic == $"aizu/v1/consent/{purpose}/{pseudonym}" && m.Payload.Length > 0);
                Assert.True(state is not null, $"{messages[i].Topic} came before its data set's state");
                Assert.Contains(messages[i].Property("consent-ref"), ConsentStatePayload.Read(state.Payload).Grants.Select(g => g.Consent));
            }
        }

        // The gateway id: only in the status topic, nowhere else on the wire (the broker sees the connection's identity).
        Assert.All(messages, m =>
        {
            var elsewhere = m.Text.Contains(GatewayHarness.GatewayId, StringComparison.Ordinal)
                || m.UserProperties.Any(p => p.Value.Contains(GatewayHarness.GatewayId, StringComparison.Ordinal))
                || (m.CorrelationData ?? "").Contains(GatewayHarness.GatewayId, StringComparison.Ordinal)
                || (m.Topic.Contains(GatewayHarness.GatewayId, StringComparison.Ordinal) && m.Topic != $"aizu/v1/status/{GatewayHarness.GatewayId}");
            Assert.False(elsewhere, $"the gateway id appears in {m.Topic}");
        });
        Assert.Contains(messages, m => m.Topic == $"aizu/v1/status/{GatewayHarness.GatewayId}");

        // A recipient subscribing now finds retained states only of data sets still live: the planning data set
        // of 2028 and the acknowledgements' of 2028; the ended ones were cleared.
        await using var late = await BrokerRecorder.StartAsync(broker.Port, time, "late-recipient");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var retained = late.Messages.Where(m => m.Retain && m.Topic.StartsWith("aizu/v1/consent/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["city-energy-planning|2028", "safety-confirmation|2028"],
            retained.Select(m => periodOfPseudonym.GetValueOrDefault(m.Topic.Split('/')[4], m.Topic)).Order(StringComparer.Ordinal));

        // The household's own log still says which consent each message left under.
        var log = await gateway.Log.ListAsync(new EgressLogFilter { Delivered = true }, CancellationToken.None);
        Assert.All(log.Where(e => e.Topic.StartsWith("aizu/v1/dt/", StringComparison.Ordinal)),
            e => Assert.Contains(e.ConsentReference, new[] { planning.Reference, peak.Reference, safety.Reference }));
    }

    // Every id-like token of a message: topic levels after purpose and category, user property values other than
    // the public schema, aggregation and purpose (the catalogue's purpose id, the same for every household and
    // already a topic level), the correlation data, and every run of 12 or more hex digits in the payload (SenML
    // base names, pseudonyms, references, message ids).
    private static IEnumerable<string> TokensOf(RecordedMessage message)
    {
        var levels = message.Topic.Split('/');
        foreach (var level in levels.Skip(levels[2] == "dt" ? 5 : 4).Where(l => l != "deletion"))
        {
            yield return level;
        }

        foreach (var property in message.UserProperties.Where(p => p.Key is not ("schema" or "agg" or "purpose")))
        {
            yield return property.Value;
        }

        if (message.CorrelationData is { } correlation)
        {
            yield return correlation;
        }

        foreach (Match match in HexRun().Matches(message.Text))
        {
            yield return match.Value;
        }
    }

    private static DateTimeOffset WindowStart(RecordedMessage message)
    {
        using var json = System.Text.Json.JsonDocument.Parse(message.Payload);
        return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array
            ? DateTimeOffset.FromUnixTimeSeconds(json.RootElement[0].GetProperty("t").GetInt64())
            : DateTimeOffset.Parse(json.RootElement.GetProperty("window").GetString()!, CultureInfo.InvariantCulture);
    }

    private static ConsentGrant Grant(string id, string category, string granularity, string purpose, string recipient) =>
        new(id, 1, category, granularity, purpose, DpvPurposes.ImprovePublicServices, recipient, false, new ValueTransform(100), T0, T0.AddDays(400), ConsentStatus.Given);

    [GeneratedRegex("[0-9a-f]{12,}")]
    private static partial Regex HexRun();
}
