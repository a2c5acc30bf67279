namespace Aizu.City.Tests;

/// <summary>
/// The real servers a city test needs: mosquitto (with room for many unacknowledged messages, as the
/// city's broker is configured in docs/city.md) and a PostgreSQL cluster with a database of the test's
/// own, plus the city's confirmation key in a temporary directory.
/// </summary>
internal sealed class CityTestSetup(MosquittoBroker broker, PostgresServer postgres, TemporaryDirectory directory, string database) : IAsyncDisposable
{
    public const string Recipient = "city-energy-office";

    /// <summary>The broker settings docs/city.md asks for: many messages in flight per session, queues large enough for an instance that is away.</summary>
    public const string BrokerConfig = "max_inflight_messages 1000\nmax_queued_messages 1000000";

    public MosquittoBroker Broker { get; } = broker;

    public PostgresServer Postgres { get; } = postgres;

    public TemporaryDirectory Directory { get; } = directory;

    public string Database { get; } = database;

    public string ConnectionString => Postgres.ConnectionString(Database);

    public string KeyPath => Directory.File("confirmation.pem");

    /// <summary>The public half of the confirmation key: what a gateway pins as <c>Aizu:Egress:CityConfirmationKeyPem</c>.</summary>
    public string ConfirmationPublicKeyPem()
    {
        using var key = P256Keys.ImportPublicHalfPem(File.ReadAllText(KeyPath));
        return P256Keys.ExportPublicPem(key);
    }

    public static async Task<CityTestSetup> StartAsync()
    {
        var broker = await MosquittoBroker.StartAsync(extraConfig: BrokerConfig);
        var postgres = await PostgresServer.StartAsync();
        var database = "city_" + Guid.NewGuid().ToString("N")[..12];
        await postgres.CreateDatabaseAsync(database);
        var directory = new TemporaryDirectory("city");
        using var key = P256Keys.Create();
        await File.WriteAllTextAsync(directory.File("confirmation.pem"), P256Keys.ExportPrivatePem(key));
        return new CityTestSetup(broker, postgres, directory, database);
    }

    /// <summary>The configuration an in-process ingest host reads.</summary>
    public Dictionary<string, string?> IngestConfiguration(string clientId, string metricsUrl = "") => new()
    {
        ["Aizu:City:Ingest:ConnectionString"] = ConnectionString,
        ["Aizu:City:Ingest:BrokerHost"] = "127.0.0.1",
        ["Aizu:City:Ingest:BrokerPort"] = Broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Aizu:City:Ingest:ClientId"] = clientId,
        ["Aizu:City:Ingest:Recipient"] = Recipient,
        ["Aizu:City:Ingest:MetricsUrl"] = metricsUrl,
        ["Aizu:City:Ingest:ConfirmationKeyPath"] = KeyPath,
        ["Aizu:City:Ingest:ConsentGrace"] = "00:00:02",
    };

    public async ValueTask DisposeAsync()
    {
        await Postgres.DisposeAsync();
        await Broker.DisposeAsync();
        Directory.Dispose();
    }
}
