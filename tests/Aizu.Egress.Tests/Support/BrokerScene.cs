namespace Aizu.Egress.Tests;

/// <summary>
/// A real mosquitto, a raw subscriber on <c>#</c> and the real egress side, outbox and uplink of one simulated
/// household on <paramref name="time"/>, in a directory of its own; the store holds the meter's first reading.
/// </summary>
internal sealed class BrokerScene(string directory, MosquittoBroker broker, BrokerRecorder recorder, GatewayHarness gateway) : IAsyncDisposable
{
    public MosquittoBroker Broker => broker;

    public BrokerRecorder Recorder => recorder;

    public GatewayHarness Gateway => gateway;

    public static async Task<BrokerScene> StartAsync(string directoryPrefix, FakeTimeProvider time, TestConsentRegistry registry)
    {
        var directory = Directory.CreateTempSubdirectory(directoryPrefix).FullName;
        var start = time.GetUtcNow();
        var broker = await MosquittoBroker.StartAsync();
        var recorder = await BrokerRecorder.StartAsync(broker.Port, time);
        var household = new SimulatedHousehold(start - TimeSpan.FromDays(1));
        var gateway = await GatewayHarness.StartAsync(Path.Combine(directory, "gateway.db"), broker.Port, time, registry, household, recorder);
        await gateway.Store.AppendAsync(household.ReadingsAt(start), CancellationToken.None);
        return new BrokerScene(directory, broker, recorder, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        await gateway.DisposeAsync();
        await recorder.DisposeAsync();
        await broker.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
