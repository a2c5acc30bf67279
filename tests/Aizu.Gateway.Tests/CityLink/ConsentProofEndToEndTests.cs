namespace Aizu.Gateway.Tests.CityLink;

/// <summary>
/// "Nothing leaves without consent", shown on the real gateway process in demo mode against a real
/// mosquitto with a raw subscriber on <c>#</c>. Fails (never skips) without mosquitto.
/// </summary>
public sealed class ConsentProofEndToEndTests
{
    // The household's decisions are recorded three hours "earlier today", so that hourly windows inside
    // the consent are already closed (the demo meter backfills today's half-hourly history) and the proof
    // does not have to wait an hour of real time. The gateway itself runs on the real clock.
    private static readonly TimeSpan DecidedEarlier = TimeSpan.FromHours(-3);

    [Fact]
    public async Task NoGrant_OnlyStatus_Grant_ExactlyTheConsentedAggregate_Withdrawal_StopsAndRequestsDeletion()
    {
        using var directory = new TemporaryDirectory();
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        var gatewayDirectory = Path.Combine(directory.Path, "home");
        var database = Path.Combine(gatewayDirectory, "aizu-demo-data", "aizu.db");
        var clock = new ShiftedTimeProvider(DecidedEarlier);
        var catalogue = city.SignCatalogue(clock.GetUtcNow());
        using var household = city.HouseholdConsents(database, clock);
        var consents = household.GetRequiredService<ConsentService>();
        Assert.Equal(CatalogueStatus.Accepted, (await household.GetRequiredService<PurposeCatalogueService>().ApplyAsync(System.Text.Encoding.UTF8.GetBytes(catalogue))).Status);
        await city.PublishCatalogueAsync(catalogue);

        await using var gateway = await CityGateway.StartAsync(gatewayDirectory, city.Broker.Port, "gw-proof-01", "07202-kitaaizu", city.PublicKeyFile);
        await CityAlertEndToEndTests.WaitOnlineAsync(city, gateway);
        var status = $"aizu/v1/status/{gateway.GatewayId}";
        // The data set's own topics: purpose and pseudonym, never the gateway id.
        var statePrefix = $"aizu/v1/consent/{CityCouncil.EnergyPurpose}/";
        bool IsState(RecordedMessage m) => m.Topic.StartsWith(statePrefix, StringComparison.Ordinal) && m.Topic.Split('/').Length == 5;
        bool IsDeletion(RecordedMessage m) => m.Topic.StartsWith(statePrefix, StringComparison.Ordinal) && m.Topic.EndsWith("/deletion", StringComparison.Ordinal);
        var data = $"aizu/v1/dt/{CityCouncil.EnergyPurpose}/{DataCategories.ElectricImportEnergy}/";

        // 1. No grant, for a while (egress evaluates every second): only the gateway's status, and what the test itself published.
        await gateway.WaitForLogAsync("Aizu panel:");
        await Task.Delay(TimeSpan.FromSeconds(8));
        var fromGateway = city.Recorder.Messages.Where(m => m.Topic != WireTopics.Catalogue).ToList();
        Assert.All(fromGateway, m => Assert.Equal(status, m.Topic));
        Assert.All(fromGateway, m => Assert.DoesNotContain("\"v\"", m.Text, StringComparison.Ordinal));

        // 2. Grant hourly import energy for city energy planning.
        var grant = (await consents.GrantAsync(CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, Granularity.Hour, null, null, CancellationToken.None)).Grant;
        await Eventually.TrueAsync(() => city.Recorder.Messages.Any(m => m.Topic.StartsWith(data, StringComparison.Ordinal)), TimeSpan.FromSeconds(30),
            () => $"no consented aggregate appeared:{Environment.NewLine}{gateway.Output}");
        // The order guarantee: the data set's state reached the broker before its first data message.
        var early = city.Recorder.Messages;
        var firstData = early.ToList().FindIndex(m => m.Topic.StartsWith(data, StringComparison.Ordinal));
        var stateIndex = early.ToList().FindIndex(IsState);
        Assert.InRange(stateIndex, 0, firstData - 1);
        var stateMessage = early[stateIndex];
        var pseudonym = stateMessage.Topic.Split('/')[4];
        Assert.Equal(pseudonym, early[firstData].Topic.Split('/')[5]);
        string opaque;
        using (var json = JsonDocument.Parse(stateMessage.Payload))
        {
            Assert.False(json.RootElement.TryGetProperty("gw", out _));
            var listed = Assert.Single(json.RootElement.GetProperty("grants").EnumerateArray());
            opaque = listed.GetProperty("consent").GetString()!;
            Assert.Matches("^[0-9a-f]{24}$", opaque);
            Assert.Equal(early[firstData].Property("consent-ref"), opaque);
            Assert.Equal("P24M", listed.GetProperty("retention").GetString());
        }

        // 3. Withdraw: sending stops, the retained state lists no grant, and a deletion request is published.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await consents.WithdrawAsync(grant.ConsentId, CancellationToken.None);
        await Eventually.TrueAsync(() => city.Recorder.Messages.Any(IsDeletion), TimeSpan.FromSeconds(30),
            () => $"no deletion request:{Environment.NewLine}{gateway.Output}");
        var dataBefore = city.Recorder.Messages.Count(m => m.Topic.StartsWith(data, StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(5));
        var messages = city.Recorder.Messages;
        Assert.Equal(dataBefore, messages.Count(m => m.Topic.StartsWith(data, StringComparison.Ordinal)));
        using (var json = JsonDocument.Parse(messages.Last(IsState).Payload))
        {
            Assert.Empty(json.RootElement.GetProperty("grants").EnumerateArray());
        }

        var deletionMessage = messages.Single(IsDeletion);
        Assert.Equal($"{statePrefix}{pseudonym}/deletion", deletionMessage.Topic);
        using (var json = JsonDocument.Parse(deletionMessage.Payload))
        {
            Assert.Equal(opaque, Assert.Single(json.RootElement.GetProperty("consents").EnumerateArray()).GetString());
            Assert.Equal("Withdrawn", json.RootElement.GetProperty("status").GetString());
        }

        // Everything the gateway ever published: its status, the consent state, exactly the consented
        // aggregate (hourly, stamped with the consent) and the deletion request. Nothing else.
        var published = messages.Where(m => m.Topic != WireTopics.Catalogue).ToList();
        Assert.All(published, m => Assert.True(
            m.Topic == status || IsState(m) || IsDeletion(m) || m.Topic.StartsWith(data, StringComparison.Ordinal), $"unexpected topic {m.Topic}"));

        // No stable identifier on the wire: neither the gateway id (outside its status) nor the consent id.
        Assert.All(published.Where(m => m.Topic != status), m =>
        {
            Assert.DoesNotContain(gateway.GatewayId, m.Topic + m.Text + string.Join(' ', m.UserProperties.Select(p => p.Value)), StringComparison.Ordinal);
            Assert.DoesNotContain(grant.ConsentId, m.Topic + m.Text + string.Join(' ', m.UserProperties.Select(p => p.Value)), StringComparison.Ordinal);
        });
        var aggregates = published.Where(m => m.Topic.StartsWith(data, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(aggregates);
        Assert.All(aggregates, m =>
        {
            Assert.Equal(opaque, m.Property("consent-ref"));
            Assert.Equal(Granularity.Hour, m.Property("agg"));
            using var senml = JsonDocument.Parse(m.Payload);
            var record = Assert.Single(senml.RootElement.EnumerateArray());
            Assert.Equal(Granularity.Hour, record.GetProperty("agg").GetString());
            Assert.Equal("Wh", record.GetProperty("u").GetString());
            Assert.True(DateTimeOffset.FromUnixTimeSeconds(record.GetProperty("t").GetInt64()) >= grant.ValidFrom);
        });
    }
}
