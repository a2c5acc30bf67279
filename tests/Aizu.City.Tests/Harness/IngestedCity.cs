namespace Aizu.City.Tests;

/// <summary>The city's servers (<see cref="CityTestSetup"/>) with one ingest in the test's process on them, started and stopped together.</summary>
internal sealed class IngestedCity(CityTestSetup setup, IngestHost ingest) : IAsyncDisposable
{
    public CityTestSetup Setup => setup;

    public IngestHost Ingest => ingest;

    /// <param name="clientId">The ingest's MQTT client id.</param>
    /// <param name="configure">Changes to <see cref="CityTestSetup.IngestConfiguration"/> for this test.</param>
    public static async Task<IngestedCity> StartAsync(string clientId, Action<Dictionary<string, string?>>? configure = null)
    {
        var servers = await CityTestSetup.StartAsync();
        try
        {
            var configuration = servers.IngestConfiguration(clientId);
            configure?.Invoke(configuration);
            return new IngestedCity(servers, await IngestHost.StartAsync(configuration));
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ingest.DisposeAsync();
        await setup.DisposeAsync();
    }
}
