using Aizu.Egress;

namespace Aizu.City.Tests.Districts;

/// <summary>
/// Two households of the same city, both with a district configured: one shared it for city planning, the other
/// did not. The district travels only in the first one's consent state and lands only on its rows; of the second
/// nothing on the wire (everything mosquitto delivered to a subscriber on '#') and nothing in PostgreSQL names it.
/// </summary>
public sealed class DistrictTests : IAsyncLifetime
{
    private const string Shared = "aizuwakamatsu/tsuruga";
    private const string Kept = "aizuwakamatsu/kitamachi";
    private readonly string directory = Directory.CreateTempSubdirectory("aizu-district-").FullName;
    private readonly List<GatewayHarness> gateways = [];
    private IngestedCity servers = null!;
    private BrokerRecorder recorder = null!;

    public async Task InitializeAsync()
    {
        servers = await IngestedCity.StartAsync("ingest-district");
        recorder = await BrokerRecorder.StartAsync(servers.Setup.Broker.Port, TimeProvider.System, "city-district-recorder");
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in gateways)
        {
            await gateway.DisposeAsync();
        }

        await recorder.DisposeAsync();
        await servers.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task OnlyAConsentedDistrict_TravelsAndIsStored()
    {
        var sharing = await StartAsync(0, Shared, shareDistrict: true);
        var keeping = await StartAsync(1, Kept, shareDistrict: false);
        await Task.WhenAll(sharing.AdvanceAsync(TimeSpan.FromHours(26), TimeSpan.FromHours(1)), keeping.AdvanceAsync(TimeSpan.FromHours(26), TimeSpan.FromHours(1)));

        var sharedSet = await PseudonymAsync(sharing);
        var keptSet = await PseudonymAsync(keeping);
        await Eventually.TrueAsync(async () => await CountAsync(sharedSet, null) >= 1 && await CountAsync(keptSet, null) >= 1, "both households' daily windows stored");

        // On the wire: the sharing household's consent state names its district; nothing names the other's.
        var states = recorder.Messages.Where(m => m.Topic.StartsWith(WireTopics.ConsentPrefix, StringComparison.Ordinal) && m.Payload.Length > 0).ToList();
        var sharedState = ConsentStatePayload.Read(states.Last(m => m.Topic == WireTopics.ConsentState(HouseholdFleet.Planning, sharedSet)).Payload);
        Assert.Equal(Shared, Assert.Single(sharedState.Grants).District);
        var keptState = ConsentStatePayload.Read(states.Last(m => m.Topic == WireTopics.ConsentState(HouseholdFleet.Planning, keptSet)).Payload);
        Assert.Null(Assert.Single(keptState.Grants).District);
        // The recorder saw the data of both, so the search below covers what they sent.
        Assert.Contains(recorder.Messages, m => m.Topic == WireTopics.Data(HouseholdFleet.Planning, "elec.import.energy", keptSet));
        Assert.Contains(recorder.Messages, m => m.Topic == WireTopics.Data(HouseholdFleet.Planning, "elec.import.energy", sharedSet));
        Assert.DoesNotContain(recorder.Messages, m => m.Topic.Contains("kitamachi", StringComparison.Ordinal)
            || m.Text.Contains("kitamachi", StringComparison.Ordinal)
            || m.UserProperties.Any(p => p.Value.Contains("kitamachi", StringComparison.Ordinal)));
        Assert.DoesNotContain(states.Where(m => m.Topic.EndsWith(keptSet, StringComparison.Ordinal)), m => m.Text.Contains("district", StringComparison.Ordinal));

        // In PostgreSQL: every row of the sharing data set carries the district, none of the other's; the registry likewise.
        var sharedRows = await CountAsync(sharedSet, null);
        Assert.Equal(sharedRows, await CountAsync(sharedSet, Shared));
        Assert.Equal(0, await CountAsync(keptSet, "any"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM aggregate WHERE district = 'aizuwakamatsu/kitamachi'"));
        Assert.Equal(Shared, await DistrictOfGrantAsync(sharedSet));
        Assert.Null(await DistrictOfGrantAsync(keptSet));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM consent_grant WHERE district LIKE '%kitamachi%'"));
    }

    private async Task<GatewayHarness> StartAsync(int index, string district, bool shareDistrict)
    {
        var time = new FakeTimeProvider(HouseholdFleet.T0);
        var registry = new TestConsentRegistry();
        var household = new SimulatedHousehold(HouseholdFleet.T0 - TimeSpan.FromDays(1), 10_000 + (index * 500));
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(directory, $"gw-{index}")).FullName, "gateway.db");
        var gateway = await GatewayHarness.StartAsync(path, servers.Setup.Broker.Port, time, registry, household, recorder: null,
            gatewayId: $"gw-district-{index}", secret: [.. Enumerable.Range(0, 32).Select(b => (byte)(b + (index * 40) + 1))],
            settings: new Dictionary<string, string?> { ["Aizu:Household:District"] = district });
        gateways.Add(gateway);
        await gateway.Store.AppendAsync(household.ReadingsAt(HouseholdFleet.T0), CancellationToken.None);

        // The planning grant; only the sharing household's carries the district, as ConsentService writes it when
        // the household ticks "share my district" (a purpose that asks for it).
        var planning = HouseholdFleet.GrantsOf(index, HouseholdFleet.T0).First(g => g.Purpose == HouseholdFleet.Planning);
        registry.Give(shareDistrict ? planning with { District = district } : planning, HouseholdFleet.T0);
        return gateway;
    }

    private static async Task<string> PseudonymAsync(GatewayHarness gateway) =>
        (await gateway.Log.ListAsync(new EgressLogFilter { Delivered = true }, CancellationToken.None))
            .Select(e => DataTopic.TryParse(e.Topic, out var topic) ? topic : null).OfType<DataTopic>()
            .First(t => t.Purpose == HouseholdFleet.Planning).Pseudonym;

    // district null: all rows of the data set; "any": rows with any district; otherwise rows with that district.
    private async Task<long> CountAsync(string pseudonym, string? district)
    {
        await using var connection = new NpgsqlConnection(servers.Setup.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM aggregate WHERE pseudonym = $1 AND ($2::text IS NULL OR ($2 = 'any' AND district IS NOT NULL) OR district = $2)", connection);
        count.Parameters.Add(new() { Value = pseudonym });
        count.Parameters.Add(new() { Value = (object?)district ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(servers.Setup.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string?> DistrictOfGrantAsync(string pseudonym)
    {
        await using var connection = new NpgsqlConnection(servers.Setup.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT district FROM consent_grant WHERE scope = $1", connection);
        command.Parameters.Add(new() { Value = $"{HouseholdFleet.Planning}/{pseudonym}" });
        return await command.ExecuteScalarAsync() as string;
    }
}
