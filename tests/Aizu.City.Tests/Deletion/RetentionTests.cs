namespace Aizu.City.Tests.Deletion;

/// <summary>Retention per purpose: each stored window is kept for its grant's retention, then the scheduled job deletes it and logs the deletion.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Day.AddDays(10));
    private IngestedCity servers = null!;
    private WirePublisher gateway = null!;

    public async Task InitializeAsync()
    {
        // The hosted job waits a year; the test runs its own on the fake clock.
        servers = await IngestedCity.StartAsync("ingest-retention", configuration => configuration["Aizu:City:Ingest:RetentionInterval"] = "365.00:00:00");
        gateway = await WirePublisher.ConnectAsync(servers.Setup.Broker.Port, "gw-retention");
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await servers.DisposeAsync();
    }

    [Fact]
    public async Task EachPurposesRetention_DeletesItsWindowsWhenItEnds_AndNotBefore()
    {
        ConsentStateGrant Grant(string consent, string purpose, string retention) =>
            new(consent, "elec.import.energy", "P1D", purpose, "https://w3id.org/dpv#ImprovePublicServices", CityTestSetup.Recipient, false, 100, 0, DateOnly.FromDateTime(Day.AddDays(-1).UtcDateTime), DateOnly.FromDateTime(Day.AddYears(1).UtcDateTime), retention);
        await gateway.PublishAsync(
            WireTopics.ConsentState("short-study", "p-short"),
            ConsentStatePayload.Write(new ConsentStateMessage("p-short", DateOnly.FromDateTime(Day.UtcDateTime), [Grant("short-r@1", "short-study", "P1M")])),
            UserProperties.Of(SchemaIds.ConsentState, "state-r-short"), retain: true);
        await gateway.PublishAsync(
            WireTopics.ConsentState("city-energy-planning", "p-long"),
            ConsentStatePayload.Write(new ConsentStateMessage("p-long", DateOnly.FromDateTime(Day.UtcDateTime), [Grant("long-r@1", "city-energy-planning", "P24M")])),
            UserProperties.Of(SchemaIds.ConsentState, "state-r-long"), retain: true);
        await Eventually.TrueAsync(() => servers.Ingest.Metrics.Snapshot().ConsentStates == 2, "both data sets' consent states applied");
        await gateway.PublishWindowAsync("short-study", "elec.import.energy", "p-short", "short-r@1", Day, "P1D", 1_000, "r-short");
        await gateway.PublishWindowAsync("city-energy-planning", "elec.import.energy", "p-long", "long-r@1", Day, "P1D", 2_000, "r-long");
        await Eventually.TrueAsync(() => servers.Ingest.Metrics.Snapshot().Stored == 2, "both windows stored");

        var job = new RetentionJob(
            servers.Ingest.Services.GetRequiredService<IngestDatabase>(), servers.Ingest.Services.GetRequiredService<IOptions<IngestOptions>>(), time, NullLogger<RetentionJob>.Instance);
        // A month after the window's end less a day: nothing is due.
        time.SetUtcNow(Day.AddDays(1).AddMonths(1).AddDays(-1));
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));

        time.SetUtcNow(Day.AddDays(1).AddMonths(1).AddSeconds(1));
        Assert.Equal(1, await job.RunOnceAsync(CancellationToken.None));
        Assert.Equal(["r-long"], (await servers.Ingest.Store.ListAsync(null, CancellationToken.None)).Select(s => s.MessageId));

        time.SetUtcNow(Day.AddDays(1).AddMonths(24).AddSeconds(1));
        Assert.Equal(1, await job.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await servers.Ingest.Store.ListAsync(null, CancellationToken.None));

        await using var connection = new NpgsqlConnection(servers.Setup.ConnectionString);
        await connection.OpenAsync();
        await using var log = new NpgsqlCommand("SELECT purpose, rows_deleted FROM deletion_log WHERE reason = 'retention' ORDER BY seq", connection);
        await using var reader = await log.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        Assert.Equal([("short-study", 1L), ("city-energy-planning", 1L)], rows);
    }

    [Fact]
    public async Task AStoredAlertAcknowledgement_IsDeletedWhenItsRetentionEnds_AndNotBefore()
    {
        const string Safety = "city-safety-check";
        const string Alert = "city@aizu.example,alert-2026-0301-01,2026-03-01T15:00:00+09:00";
        var grant = new ConsentStateGrant("ack-r@1", EnergyWindowValidator.AlertAckCategory, "P1D", Safety, "https://w3id.org/dpv#PublicSafety",
            CityTestSetup.Recipient, false, 0, 0, DateOnly.FromDateTime(Day.AddDays(-1).UtcDateTime), DateOnly.FromDateTime(Day.AddYears(1).UtcDateTime), "P1M");
        await gateway.PublishAsync(
            WireTopics.ConsentState(Safety, "p-ack"),
            ConsentStatePayload.Write(new ConsentStateMessage("p-ack", DateOnly.FromDateTime(Day.UtcDateTime), [grant])),
            UserProperties.Of(SchemaIds.ConsentState, "state-r-ack"), retain: true);
        await Eventually.TrueAsync(() => servers.Ingest.Metrics.Snapshot().ConsentStates == 1, "the alert consent state applied");
        var window = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await gateway.PublishAsync(
            WireTopics.Data(Safety, EnergyWindowValidator.AlertAckCategory, "p-ack"),
            AlertAckPayload.Write(new AlertAckMessage(Alert, window, "P1D", "p-ack")),
            UserProperties.Of(SchemaIds.AlertAck, "r-ack", "ack-r@1", Safety, "P1D"));
        await Eventually.TrueAsync(() => servers.Ingest.Metrics.Snapshot().AlertAcks == 1, "the acknowledgement stored");
        var acks = servers.Ingest.Services.GetRequiredService<AlertAckStore>();

        var job = new RetentionJob(
            servers.Ingest.Services.GetRequiredService<IngestDatabase>(), servers.Ingest.Services.GetRequiredService<IOptions<IngestOptions>>(), time, NullLogger<RetentionJob>.Instance);
        // The grant keeps it a month after the day it answered for (window end 2 March): not a second less.
        time.SetUtcNow(window.AddDays(1).AddMonths(1).AddSeconds(-1));
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));
        Assert.Equal(["r-ack"], (await acks.ListAsync(CancellationToken.None)).Select(a => a.MessageId));

        time.SetUtcNow(window.AddDays(1).AddMonths(1));
        Assert.Equal(1, await job.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await acks.ListAsync(CancellationToken.None));

        await using var connection = new NpgsqlConnection(servers.Setup.ConnectionString);
        await connection.OpenAsync();
        await using var log = new NpgsqlCommand("SELECT purpose, rows_deleted FROM deletion_log WHERE reason = 'retention'", connection);
        await using var reader = await log.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((Safety, 1L), (reader.GetString(0), reader.GetInt64(1)));
        Assert.False(await reader.ReadAsync());
    }
}
