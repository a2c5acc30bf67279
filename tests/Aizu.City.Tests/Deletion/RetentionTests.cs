using Aizu.City.Ingest;
using Aizu.Testing;
using Aizu.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Aizu.City.Tests.Deletion;

/// <summary>Retention per purpose: each stored window is kept for its grant's retention, then the scheduled job deletes it and logs the deletion.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Day.AddDays(10));
    private CityTestSetup setup = null!;
    private IngestHost ingest = null!;
    private WirePublisher gateway = null!;

    public async Task InitializeAsync()
    {
        setup = await CityTestSetup.StartAsync();
        var configuration = setup.IngestConfiguration("ingest-retention");
        // The hosted job waits a year; the test runs its own on the fake clock.
        configuration["Aizu:City:Ingest:RetentionInterval"] = "365.00:00:00";
        ingest = await IngestHost.StartAsync(configuration);
        gateway = await WirePublisher.ConnectAsync(setup.Broker.Port, "gw-retention");
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await ingest.DisposeAsync();
        await setup.DisposeAsync();
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
        await Eventually.TrueAsync(() => ingest.Metrics.Snapshot().ConsentStates == 2, "both data sets' consent states applied");
        await gateway.PublishWindowAsync("short-study", "elec.import.energy", "p-short", "short-r@1", Day, "P1D", 1_000, "r-short");
        await gateway.PublishWindowAsync("city-energy-planning", "elec.import.energy", "p-long", "long-r@1", Day, "P1D", 2_000, "r-long");
        await Eventually.TrueAsync(() => ingest.Metrics.Snapshot().Stored == 2, "both windows stored");

        var job = new RetentionJob(
            ingest.Services.GetRequiredService<IngestDatabase>(), ingest.Services.GetRequiredService<IOptions<IngestOptions>>(), time, NullLogger<RetentionJob>.Instance);
        // A month after the window's end less a day: nothing is due.
        time.SetUtcNow(Day.AddDays(1).AddMonths(1).AddDays(-1));
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));

        time.SetUtcNow(Day.AddDays(1).AddMonths(1).AddSeconds(1));
        Assert.Equal(1, await job.RunOnceAsync(CancellationToken.None));
        Assert.Equal(["r-long"], (await ingest.Store.ListAsync(null, CancellationToken.None)).Select(s => s.MessageId));

        time.SetUtcNow(Day.AddDays(1).AddMonths(24).AddSeconds(1));
        Assert.Equal(1, await job.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await ingest.Store.ListAsync(null, CancellationToken.None));

        await using var connection = new NpgsqlConnection(setup.ConnectionString);
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
}
