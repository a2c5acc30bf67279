namespace Aizu.City.Tests;

/// <summary>An ingest instance in the test's process: the same registrations as <c>aizu-city ingest run</c>, its services at hand.</summary>
internal sealed class IngestHost : IAsyncDisposable
{
    private readonly IHost host;

    private IngestHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public IngestMetrics Metrics => host.Services.GetRequiredService<IngestMetrics>();

    public AggregateStore Store => host.Services.GetRequiredService<AggregateStore>();

    public static async Task<IngestHost> StartAsync(IDictionary<string, string?> configuration, TimeProvider? time = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging();
        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        builder.Services.AddAizuCityIngest(builder.Configuration.GetSection(IngestOptions.SectionName));
        var host = builder.Build();
        await host.StartAsync();
        var ingest = new IngestHost(host);
        await Aizu.Testing.Eventually.TrueAsync(() => ingest.Metrics.Snapshot().Connected, "the ingest to connect");
        return ingest;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
