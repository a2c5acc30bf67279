namespace Aizu.Storage.Influx.Tests;

/// <summary>
/// The store and the InfluxDB mirror in one generic host, registered through the same
/// <c>AddAizuStorage</c>/<c>AddAizuInfluxMirror</c> calls the gateway uses, configured from keys
/// as an installer would write them.
/// </summary>
internal sealed class MirrorHost : IAsyncDisposable
{
    private readonly IHost host;

    private MirrorHost(IHost host)
    {
        this.host = host;
        Store = host.Services.GetRequiredService<IReadingWriter>();
        Status = host.Services.GetRequiredService<InfluxMirrorStatus>();
    }

    public IReadingWriter Store { get; }

    public InfluxMirrorStatus Status { get; }

    /// <summary>Configuration for a test: the store at <paramref name="databasePath"/>, the mirror to <paramref name="influxUrl"/>'s database <c>aizu</c> over the 1.x endpoint.</summary>
    public static Dictionary<string, string?> Settings(string databasePath, string influxUrl) => new()
    {
        ["Aizu:Storage:DatabasePath"] = databasePath,
        ["Aizu:Household:TimeZone"] = "UTC",
        ["Aizu:Storage:MinFreeSpaceMegabytes"] = "0",
        ["Aizu:InfluxMirror:Url"] = influxUrl,
        ["Aizu:InfluxMirror:Database"] = "aizu",
        ["Aizu:InfluxMirror:WriteEndpoint"] = "V1",
        ["Aizu:InfluxMirror:BatchSize"] = "5000",
        ["Aizu:InfluxMirror:FlushInterval"] = "00:00:00.2",
        ["Aizu:InfluxMirror:MaxRetryDelay"] = "00:00:01",
        ["Aizu:InfluxMirror:Timeout"] = "00:00:05",
    };

    public static IHost Build(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddAizuHousehold(builder.Configuration.GetSection(HouseholdOptions.SectionName));
        builder.Services.AddAizuStorage(builder.Configuration.GetSection("Aizu:Storage"));
        builder.Services.AddAizuInfluxMirror(builder.Configuration.GetSection("Aizu:InfluxMirror"));
        return builder.Build();
    }

    public static async Task<MirrorHost> StartAsync(IDictionary<string, string?> settings)
    {
        var host = Build(settings);
        await host.StartAsync();
        return new MirrorHost(host);
    }

    /// <summary>Waits until the mirror has written everything in the store (backlog 0, state UpToDate).</summary>
    public Task WaitUpToDateAsync(TimeSpan timeout, long? pointsSent = null) =>
        Eventually.TrueAsync(
            () => Status.Current is { State: InfluxMirrorState.UpToDate, Backlog: 0 } s && (pointsSent is null || s.PointsSent == pointsSent),
            timeout,
            () => $"mirror not up to date: {Status.Current}");

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
