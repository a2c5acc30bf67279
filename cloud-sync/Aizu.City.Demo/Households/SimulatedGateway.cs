namespace Aizu.City.Demo;

/// <summary>
/// One simulated household: the real gateway store, egress side, outbox and uplink in a generic host,
/// registered through the same <c>AddAizu…</c> extensions the gateway uses, fed by a simulated meter on
/// a clock the demo moves on (<see cref="FakeTimeProvider"/> fires the egress side's timers as it moves).
/// </summary>
internal sealed class SimulatedGateway : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly IHost host;
    private readonly FakeTimeProvider time;
    private readonly SimulatedHousehold meter;
    private readonly IReadingWriter store;
    private readonly EgressStatus status;

    private SimulatedGateway(IHost host, FakeTimeProvider time, SimulatedHousehold meter, string gatewayId)
    {
        this.host = host;
        this.time = time;
        this.meter = meter;
        GatewayId = gatewayId;
        store = host.Services.GetRequiredService<IReadingWriter>();
        status = host.Services.GetRequiredService<EgressStatus>();
    }

    /// <summary>The gateway's MQTT client id.</summary>
    public string GatewayId { get; }

    /// <summary>The household's simulated clock.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>What the egress log says the broker acknowledged so far.</summary>
    public EgressLog Log => host.Services.GetRequiredService<EgressLog>();

    /// <summary>
    /// Starts a gateway whose files (database, pseudonym secret, outbox key) live in
    /// <paramref name="directory"/>, its clock at <paramref name="start"/>, giving <paramref name="grants"/>.
    /// </summary>
    public static async Task<SimulatedGateway> StartAsync(
        string directory, string gatewayId, string? district, int brokerPort, DateTimeOffset start, double registerKwh,
        IReadOnlyList<ConsentGrant> grants, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var database = Path.Combine(Directory.CreateDirectory(directory).FullName, "gateway.db");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:Household:TimeZone"] = "Asia/Tokyo",
            ["Aizu:Household:District"] = district,
            ["Aizu:Storage:DatabasePath"] = database,
            ["Aizu:Egress:DatabasePath"] = database,
            ["Aizu:Egress:GatewayId"] = gatewayId,
            ["Aizu:Egress:SecretPath"] = Path.Combine(directory, "pseudonym.key"),
            ["Aizu:Egress:OutboxKeyPath"] = Path.Combine(directory, "outbox.key"),
            ["Aizu:Egress:EvaluationInterval"] = "00:01:00",
            ["Aizu:Egress:ReleaseDelay"] = "00:05:00",
            ["Aizu:Uplink:Host"] = "127.0.0.1",
            ["Aizu:Uplink:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Aizu:Uplink:GatewayId"] = gatewayId,
            ["Aizu:Uplink:UseTls"] = "false",
            ["Aizu:Uplink:ReconnectMinDelay"] = "00:00:01",
            ["Aizu:Uplink:ReconnectMaxDelay"] = "00:05:00",
        });
        var time = new FakeTimeProvider(start);
        var meter = new SimulatedHousehold(start - TimeSpan.FromDays(1), registerKwh);
        builder.Services.AddSingleton(logging);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IConsentRegistry>(new DemoConsentRegistry(grants, "Aizu demo city"));
        builder.Services.AddAizuHousehold(builder.Configuration.GetSection(HouseholdOptions.SectionName));
        builder.Services.AddAizuStorage(builder.Configuration.GetSection("Aizu:Storage"));
        builder.Services.AddAizuEgress(builder.Configuration.GetSection("Aizu:Egress"));
        builder.Services.AddAizuUplink(builder.Configuration.GetSection("Aizu:Uplink"));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var gateway = new SimulatedGateway(host, time, meter, gatewayId);
        await gateway.store.AppendAsync(meter.ReadingsAt(start), cancellationToken);
        await gateway.WaitForPassAsync(start, cancellationToken);
        return gateway;
    }

    /// <summary>Moves the clock on by <paramref name="step"/>, the meter reporting at the new time, and waits for the egress pass at that time.</summary>
    public async Task StepAsync(TimeSpan step, CancellationToken cancellationToken)
    {
        var next = time.GetUtcNow() + step;
        await store.AppendAsync(meter.ReadingsAt(next), cancellationToken);
        time.Advance(step);
        await WaitForPassAsync(next, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }

    private async Task WaitForPassAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        while (!(status.LastPassAt >= at))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{GatewayId}: no egress pass at {at:O} (last {status.LastPassAt:O}, error {status.LastError}).");
            }
        }
    }
}
