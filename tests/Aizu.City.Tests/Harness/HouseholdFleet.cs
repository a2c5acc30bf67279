using Aizu.Egress;

namespace Aizu.City.Tests;

/// <summary>
/// Simulated households on one broker, each the real gateway store, egress side, outbox and uplink on a
/// fake clock of its own, with its own gateway id, pseudonym secret and grants. The ground truth is what
/// their egress logs say the broker acknowledged.
/// </summary>
internal sealed class HouseholdFleet : IAsyncDisposable
{
    public const string Planning = "city-energy-planning";
    public const string Peak = "peak-demand-study";
    public const string Research = "academic-research";
    public const string Tariff = "utility-tariff-study";
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));
    private readonly List<GatewayHarness> households;
    private readonly string directory;

    private HouseholdFleet(List<GatewayHarness> households, string directory)
    {
        this.households = households;
        this.directory = directory;
    }

    public IReadOnlyList<GatewayHarness> Households => households;

    /// <summary>
    /// Starts <paramref name="count"/> households. Every one shares daily import for city planning; every
    /// second one hourly for a peak-demand study; every fourth (from the second) half-hourly with noise for
    /// research; every fifth (from the third) daily for a utility, a recipient the city ingest must refuse.
    /// </summary>
    public static async Task<HouseholdFleet> StartAsync(int count, int brokerPort)
    {
        var directory = Directory.CreateTempSubdirectory("aizu-fleet-").FullName;
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var time = new FakeTimeProvider(T0);
            var registry = new TestConsentRegistry();
            var household = new SimulatedHousehold(T0 - TimeSpan.FromDays(1), 10_000 + (i * 137.5));
            var secret = Enumerable.Range(0, 32).Select(b => (byte)((b * 31) + i + 1)).ToArray();
            var gateway = await GatewayHarness.StartAsync(
                // A directory each: the gateway keeps its outbox key next to its database.
                Path.Combine(Directory.CreateDirectory(Path.Combine(directory, $"gw-{i:D3}")).FullName, "gateway.db"), brokerPort, time, registry, household, recorder: null,
                gatewayId: string.Create(CultureInfo.InvariantCulture, $"gw-fleet-{i:D3}"), secret: secret);
            await gateway.Store.AppendAsync(household.ReadingsAt(T0), CancellationToken.None);
            foreach (var grant in GrantsOf(i, T0))
            {
                registry.Give(grant, T0);
            }

            return gateway;
        }));
        return new HouseholdFleet([.. started], directory);
    }

    /// <summary>The grants household <paramref name="i"/> gives at <paramref name="now"/>.</summary>
    public static IEnumerable<ConsentGrant> GrantsOf(int i, DateTimeOffset now)
    {
        yield return Grant($"plan-{i}", Granularity.Day, Planning, new ValueTransform(100), now);
        if (i % 2 == 0)
        {
            yield return Grant($"peak-{i}", Granularity.Hour, Peak, new ValueTransform(100), now);
        }

        if (i % 4 == 1)
        {
            yield return Grant($"research-{i}", Granularity.HalfHour, Research, new ValueTransform(10, 50), now);
        }

        if (i % 5 == 2)
        {
            yield return Grant($"util-{i}", Granularity.Day, Tariff, new ValueTransform(100), now) with { Recipient = "utility-x" };
        }
    }

    /// <summary>Moves every household's clock on by <paramref name="total"/> in steps, all at once.</summary>
    public Task AdvanceAsync(TimeSpan total, TimeSpan step) =>
        Task.WhenAll(households.Select(h => h.AdvanceAsync(total, step)));

    /// <summary>Every data message the broker acknowledged, by message id.</summary>
    public async Task<IReadOnlyDictionary<string, (DataTopic Topic, EnergyWindowMessage Window, string Consent)>> DeliveredAsync()
    {
        var delivered = new Dictionary<string, (DataTopic, EnergyWindowMessage, string)>(StringComparer.Ordinal);
        foreach (var household in households)
        {
            foreach (var entry in await household.Log.ListAsync(new EgressLogFilter { Delivered = true }, CancellationToken.None))
            {
                if (DataTopic.TryParse(entry.Topic, out var topic))
                {
                    // What the city can know is the opaque reference the message carried, not the household's consent id.
                    var sent = entry.UserProperties.Single(p => p.Key == UserProperties.ConsentReference).Value;
                    delivered[entry.MessageId] = (topic!, EnergyWindowPayload.Read(entry.Payload.Span), sent);
                }
            }
        }

        return delivered;
    }

    /// <summary>Asserts the store holds exactly the delivered windows the city may keep, each once.</summary>
    public async Task AssertStoredExactlyOnceAsync(AggregateStore store)
    {
        var delivered = await DeliveredAsync();
        var expected = delivered.Where(d => d.Value.Topic.Purpose != Tariff)
            .Select(d => (d.Key, d.Value.Topic.Purpose, d.Value.Topic.Pseudonym, d.Value.Topic.Category, d.Value.Window.WindowStart, d.Value.Window.Aggregation, d.Value.Window.ValueWh, d.Value.Consent))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var stored = (await store.ListAsync(null, CancellationToken.None))
            .Select(s => (s.MessageId, s.DataSet.Purpose, s.DataSet.Pseudonym, s.Category, s.Start, s.Aggregation, s.ValueWh, s.Consent))
            .OrderBy(r => r.MessageId, StringComparer.Ordinal)
            .ToList();

        Assert.True(expected.Count > 500, $"only {expected.Count} windows delivered");
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(expected, stored);
        // Once per window too, not only per message id.
        Assert.Equal(stored.Count, stored.Select(s => (s.Purpose, s.Pseudonym, s.Category, s.Start)).Distinct().Count());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var household in households)
        {
            await household.DisposeAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ConsentGrant Grant(string id, string granularity, string purpose, ValueTransform transform, DateTimeOffset now) =>
        new(id, 1, DataCategories.ElectricImportEnergy, granularity, purpose, "https://w3id.org/dpv#ImprovePublicServices", CityTestSetup.Recipient, false, transform, now, now.AddDays(365), ConsentStatus.Given)
        {
            Retention = "P24M",
        };
}
