using Aizu.Egress;

namespace Aizu.City.Tests.Deletion;

/// <summary>
/// A household withdraws one consent; the real gateway publishes the new consent state and a deletion
/// request; the ingest deletes that data set's data, logs the deletion (append-only) and publishes a
/// signed confirmation on the data set's own topic, which the gateway verifies with the city's pinned key and
/// keeps for the consent card.
/// </summary>
public sealed class WithdrawalDeletionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(HouseholdFleet.T0);
    private readonly TestConsentRegistry registry = new();
    private readonly string directory = Directory.CreateTempSubdirectory("aizu-withdrawal-").FullName;
    private readonly CapturingLogger<DeletionConfirmationReceiver> receiverLog = new();
    private IngestedCity servers = null!;
    private BrokerRecorder recorder = null!;
    private GatewayHarness gateway = null!;

    public async Task InitializeAsync()
    {
        servers = await IngestedCity.StartAsync("ingest-withdrawal");
        recorder = await BrokerRecorder.StartAsync(servers.Setup.Broker.Port, TimeProvider.System, "city-test-recorder");
        var household = new SimulatedHousehold(HouseholdFleet.T0 - TimeSpan.FromDays(1));
        gateway = await GatewayHarness.StartAsync(Path.Combine(directory, "gateway.db"), servers.Setup.Broker.Port, time, registry, household, recorder: null, gatewayId: "gw-withdraw-01",
            configure: services => services.AddSingleton<ILogger<DeletionConfirmationReceiver>>(receiverLog),
            settings: new Dictionary<string, string?> { ["Aizu:Egress:CityConfirmationKeyPem"] = servers.Setup.ConfirmationPublicKeyPem() });
        await gateway.Store.AppendAsync(household.ReadingsAt(HouseholdFleet.T0), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await recorder.DisposeAsync();
        await servers.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Withdrawal_DeletesTheDataSet_LogsIt_AndConfirmsItSigned()
    {
        // Household 0 of the fleet: daily planning and hourly peak-demand grants.
        foreach (var grant in HouseholdFleet.GrantsOf(0, HouseholdFleet.T0))
        {
            registry.Give(grant, HouseholdFleet.T0);
        }

        await gateway.AdvanceAsync(TimeSpan.FromHours(26), TimeSpan.FromHours(1));
        var delivered = (await gateway.Log.ListAsync(new EgressLogFilter { Delivered = true }, CancellationToken.None))
            .Select(e => DataTopic.TryParse(e.Topic, out var topic) ? topic : null).OfType<DataTopic>().ToList();
        var peak = delivered.First(t => t.Purpose == HouseholdFleet.Peak);

        // The city knows the grant only by the opaque reference its data carried (one per consent version and period).
        var peakReference = (await gateway.Log.ListAsync(new EgressLogFilter { Delivered = true }, CancellationToken.None))
            .Where(e => DataTopic.TryParse(e.Topic, out var topic) && topic!.Purpose == HouseholdFleet.Peak)
            .Select(e => e.UserProperties.Single(p => p.Key == UserProperties.ConsentReference).Value)
            .Distinct(StringComparer.Ordinal).Single();
        var planned = delivered.Count(t => t.Purpose == HouseholdFleet.Planning);
        var peakCount = delivered.Count(t => t.Purpose == HouseholdFleet.Peak);
        Assert.True(peakCount >= 24, $"{peakCount} hourly windows");
        await Eventually.TrueAsync(async () => await CountAsync(HouseholdFleet.Peak, peak.Pseudonym) == peakCount, "the hourly windows stored");

        registry.Withdraw("peak-0", time.GetUtcNow());
        await gateway.WaitForPassAsync();
        await gateway.WaitForDrainAsync();

        var confirmationTopic = WireTopics.DeletionConfirmation(HouseholdFleet.Peak, peak.Pseudonym);
        await Eventually.TrueAsync(() => recorder.Messages.Any(m => m.Topic == confirmationTopic), $"a confirmation on {confirmationTopic}");

        // Gone from PostgreSQL; the other purpose's data set untouched.
        Assert.Equal(0, await CountAsync(HouseholdFleet.Peak, peak.Pseudonym));
        Assert.Equal(planned, await CountAsync(HouseholdFleet.Planning, null));

        // Logged, and the log cannot be rewritten.
        await using var connection = await OpenAsync();
        await using (var log = new NpgsqlCommand("SELECT reason, purpose, pseudonym, category, consent_ref, rows_deleted FROM deletion_log", connection))
        await using (var reader = await log.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("withdrawal", HouseholdFleet.Peak, peak.Pseudonym, "elec.import.energy", peakReference, (long)peakCount),
                (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5)));
            Assert.False(await reader.ReadAsync());
        }

        await using (var rewrite = new NpgsqlCommand("UPDATE deletion_log SET rows_deleted = 0", connection))
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => rewrite.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        // Signed with the city's key, retained, naming exactly what was deleted.
        var message = recorder.Messages.Last(m => m.Topic == confirmationTopic);
        Assert.True(message.Retain || recorder.Messages.Count(m => m.Topic == confirmationTopic) == 1);
        Assert.Equal(SchemaIds.DeletionConfirmation, message.Property(UserProperties.Schema));
        using var key = P256Keys.ImportPublicHalfPem(await File.ReadAllTextAsync(servers.Setup.KeyPath));
        var verified = Es256Jws.Verify(message.Text, key, JwsContentTypes.DeletionConfirmation);
        Assert.True(verified.IsValid, verified.Problem);
        var confirmation = DeletionConfirmationPayload.Read(verified.Payload.Span);
        Assert.Equal((peakReference, HouseholdFleet.Peak, "elec.import.energy", peak.Pseudonym, CityTestSetup.Recipient, (long)peakCount),
            (confirmation.Consent, confirmation.Purpose, confirmation.Category, confirmation.Pseudonym, confirmation.Recipient, confirmation.Rows));
        Assert.Equal(1, servers.Ingest.Metrics.Snapshot().DeletionRequests);

        // The gateway subscribed to that topic, verified the signature and kept the confirmation for the
        // consent card (what GET /api/consent reports as deletionConfirmed).
        var confirmations = gateway.Services.GetRequiredService<DeletionConfirmations>();
        await Eventually.TrueAsync(async () => (await confirmations.ListAsync(CancellationToken.None)).Count == 1, "the gateway kept the confirmation");
        var kept = (await confirmations.ListAsync(CancellationToken.None)).Single();
        Assert.Equal(("peak-0", "peak-0@1", HouseholdFleet.Peak, peak.Pseudonym, CityTestSetup.Recipient, (long)peakCount, confirmation.At, message.Text),
            (kept.ConsentId, kept.ConsentReference, kept.Purpose, kept.Pseudonym, kept.Recipient, kept.Rows, kept.ConfirmedAt, kept.Jws));
        Assert.Empty(await confirmations.GetAwaitedAsync(CancellationToken.None));
        Assert.Equal(0, receiverLog.Count(4118));

        // A window of the deleted data set still in flight from before the withdrawal is not stored again.
        await using var late = await WirePublisher.ConnectAsync(servers.Setup.Broker.Port, "gw-late");
        var window = HouseholdFleet.T0.AddHours(3);
        await late.PublishWindowAsync(HouseholdFleet.Peak, "elec.import.energy", peak.Pseudonym, peakReference, window, "PT1H", 100, "late-after-deletion");
        await Eventually.TrueAsync(() => servers.Ingest.Metrics.Snapshot().Rejected.GetValueOrDefault(RejectionReasons.DeletedDataSet) == 1, "the late window refused");
        Assert.Equal(0, await CountAsync(HouseholdFleet.Peak, peak.Pseudonym));
    }

    [Fact]
    public async Task AForgedConfirmation_OrOneForAnotherDataSet_IsRefusedAndLogged()
    {
        foreach (var grant in HouseholdFleet.GrantsOf(0, HouseholdFleet.T0))
        {
            registry.Give(grant, HouseholdFleet.T0);
        }

        await gateway.AdvanceAsync(TimeSpan.FromHours(26), TimeSpan.FromHours(1));
        registry.Withdraw("peak-0", time.GetUtcNow());
        await gateway.WaitForPassAsync();
        await gateway.WaitForDrainAsync();
        var confirmations = gateway.Services.GetRequiredService<DeletionConfirmations>();
        await Eventually.TrueAsync(async () => (await confirmations.ListAsync(CancellationToken.None)).Count == 1, "the gateway kept the real confirmation");
        var real = (await confirmations.ListAsync(CancellationToken.None)).Single();
        var receiver = gateway.Services.GetRequiredService<DeletionConfirmationReceiver>();
        var topic = WireTopics.DeletionConfirmation(real.Purpose, real.Pseudonym);
        var claim = new DeletionConfirmationMessage("ref", real.Purpose, real.Category, real.Pseudonym, CityTestSetup.Recipient, real.RequestId, 99, real.ConfirmedAt.AddDays(1));

        // The same statement signed by a key the gateway does not pin.
        using (var stranger = P256Keys.Create())
        {
            var forged = Es256Jws.Sign(DeletionConfirmationPayload.Write(claim), stranger, JwsHeader.Thumbprinted(stranger, contentType: JwsContentTypes.DeletionConfirmation));
            Assert.Null(await receiver.AcceptAsync(topic, System.Text.Encoding.ASCII.GetBytes(forged), CancellationToken.None));
        }

        // Signed by the city, but for a data set this gateway never asked to delete (not its pseudonym).
        using var city = P256Keys.ImportPrivatePem(await File.ReadAllTextAsync(servers.Setup.KeyPath));
        var other = claim with { Pseudonym = "someone-elses-data-set", Request = "019c0000-0000-7000-8000-000000000000" };
        var notOurs = Es256Jws.Sign(DeletionConfirmationPayload.Write(other), city, JwsHeader.Thumbprinted(city, contentType: JwsContentTypes.DeletionConfirmation));
        Assert.Null(await receiver.AcceptAsync(WireTopics.DeletionConfirmation(real.Purpose, other.Pseudonym), System.Text.Encoding.ASCII.GetBytes(notOurs), CancellationToken.None));

        // Each refused with one line; the kept confirmation is unchanged.
        Assert.Equal(2, receiverLog.Count(4118));
        Assert.Contains(receiverLog.Entries, e => e.Id.Id == 4118 && e.Message.Contains("not signed by the city's confirmation key", StringComparison.Ordinal));
        Assert.Contains(receiverLog.Entries, e => e.Id.Id == 4118 && e.Message.Contains("is not a deletion request of this gateway", StringComparison.Ordinal));
        Assert.Equal(real, (await confirmations.ListAsync(CancellationToken.None)).Single());
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(servers.Setup.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<long> CountAsync(string purpose, string? pseudonym)
    {
        await using var connection = await OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM aggregate WHERE purpose = $1 AND ($2::text IS NULL OR pseudonym = $2)", connection);
        count.Parameters.Add(new() { Value = purpose });
        count.Parameters.Add(new() { Value = (object?)pseudonym ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
