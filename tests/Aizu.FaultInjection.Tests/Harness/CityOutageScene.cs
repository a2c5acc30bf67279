namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// The scene of the city-broker outage tests: the city (its keys and signed catalogue), the city's broker on a port
/// of its own that a test stops, restarts or replaces, the city's subscribers on <c>#</c> (one a broker life, the
/// first before the gateway starts), and a household that ran yesterday (<see cref="HouseholdSinceYesterday"/>) whose
/// demo gateway lives in <see cref="Home"/>.
/// </summary>
internal sealed class CityOutageScene : IAsyncDisposable
{
    private readonly TemporaryDirectory directory;
    private readonly List<BrokerRecorder> recorders = [];
    private HouseholdSinceYesterday? household;

    private CityOutageScene(TemporaryDirectory directory, CityCouncil city, int port)
    {
        this.directory = directory;
        City = city;
        Port = port;
    }

    public CityCouncil City { get; }

    /// <summary>The city's broker the gateway sends to; <see cref="StartNewBrokerAsync"/> starts another on the same port.</summary>
    public MosquittoBroker Broker { get; private set; } = null!;

    public int Port { get; }

    public string Home => Path.Combine(directory.Path, "home");

    public string Database => Path.Combine(Home, "aizu-demo-data", "aizu.db");

    /// <summary>The city's subscribers, oldest first: together, everything the city received, in arrival order.</summary>
    public IReadOnlyList<BrokerRecorder> Recorders => recorders;

    public HouseholdSinceYesterday Household => household!;

    public static async Task<CityOutageScene> StartAsync()
    {
        var directory = new TemporaryDirectory();
        CityCouncil city;
        try
        {
            city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        }
        catch
        {
            directory.Dispose();
            throw;
        }

        var scene = new CityOutageScene(directory, city, FreePort.Next());
        try
        {
            scene.Broker = await MosquittoBroker.StartAsync(port: scene.Port, parentDirectory: directory.Path);
            await scene.AddRecorderAsync();
            scene.household = await HouseholdSinceYesterday.PrepareAsync(city, scene.Database);
            return scene;
        }
        catch
        {
            await scene.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new city subscriber on the broker (<c>city-ingest-N</c>), as the city's ingest reconnects when its broker returns.</summary>
    public async Task AddRecorderAsync() =>
        recorders.Add(await BrokerRecorder.StartAsync(Port, TimeProvider.System, $"city-ingest-{recorders.Count + 1}"));

    /// <summary>Starts another broker on the same port with <paramref name="extraConfig"/> (<c>{dir}</c>: its directory), in place of the one the test disposed.</summary>
    public async Task StartNewBrokerAsync(string extraConfig) =>
        Broker = await MosquittoBroker.StartAsync(extraConfig: extraConfig, port: Port, parentDirectory: directory.Path);

    /// <summary>The household's demo gateway, started in <see cref="Home"/> and online at the first subscriber.</summary>
    public async Task<CityGateway> StartGatewayAsync(string gatewayId, GatewayLaunch? launch = null)
    {
        var gateway = await CityGateway.StartAsync(Home, Port, gatewayId, "07202-kitaaizu", City.PublicKeyFile, launch);
        try
        {
            await gateway.WaitOnlineAsync(() => recorders[0].Messages);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        household?.Dispose();
        foreach (var recorder in recorders)
        {
            await recorder.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        await City.DisposeAsync();
        directory.Dispose();
    }
}
