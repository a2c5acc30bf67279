namespace Aizu.Testing.Uplink;

/// <summary>
/// The real store, egress side and uplink in one generic host, on a <see cref="FakeTimeProvider"/>,
/// registered through the same <c>AddAizu…</c> extensions the gateway uses.
/// </summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public const string GatewayId = "gw-test-0001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly IHost host;

    private GatewayHarness(IHost host, FakeTimeProvider time, TestConsentRegistry registry, SimulatedHousehold household, BrokerRecorder? recorder)
    {
        this.host = host;
        Time = time;
        Registry = registry;
        Household = household;
        Recorder = recorder;
        Store = host.Services.GetRequiredService<IReadingWriter>();
        Outbox = host.Services.GetRequiredService<SqliteOutbox>();
        Status = host.Services.GetRequiredService<EgressStatus>();
        Log = host.Services.GetRequiredService<EgressLog>();
        Uplink = host.Services.GetRequiredService<UplinkState>();
    }

    public FakeTimeProvider Time { get; }

    public TestConsentRegistry Registry { get; }

    public SimulatedHousehold Household { get; }

    public BrokerRecorder? Recorder { get; set; }

    public IReadingWriter Store { get; }

    public SqliteOutbox Outbox { get; }

    public EgressStatus Status { get; }

    public EgressLog Log { get; }

    public UplinkState Uplink { get; }

    public IServiceProvider Services => host.Services;

    /// <summary>
    /// Builds and starts the host; waits for the egress side's first pass. Several households on one
    /// broker need their own <paramref name="gatewayId"/> (the MQTT client id) and <paramref name="secret"/> (their pseudonyms);
    /// <paramref name="settings"/> add to or override the configuration (e.g. the city's confirmation key).
    /// </summary>
    public static async Task<GatewayHarness> StartAsync(
        string databasePath,
        int brokerPort,
        FakeTimeProvider time,
        TestConsentRegistry registry,
        SimulatedHousehold household,
        BrokerRecorder? recorder,
        Action<IServiceCollection>? configure = null,
        string gatewayId = GatewayId,
        byte[]? secret = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:Household:TimeZone"] = "Asia/Tokyo",
            ["Aizu:Storage:DatabasePath"] = databasePath,
            ["Aizu:Egress:DatabasePath"] = databasePath,
            ["Aizu:Egress:GatewayId"] = gatewayId,
            ["Aizu:Egress:OutboxKeyPath"] = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "outbox.key"),
            ["Aizu:Egress:EvaluationInterval"] = "00:01:00",
            ["Aizu:Egress:ReleaseDelay"] = "00:05:00",
            ["Aizu:Uplink:Host"] = "127.0.0.1",
            ["Aizu:Uplink:Port"] = brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Aizu:Uplink:GatewayId"] = gatewayId,
            ["Aizu:Uplink:UseTls"] = "false",
            ["Aizu:Uplink:ReconnectMinDelay"] = "00:00:01",
            ["Aizu:Uplink:ReconnectMaxDelay"] = "00:05:00",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IConsentRegistry>(registry);
        builder.Services.AddSingleton<IGatewaySecretProvider>(new FixedSecretProvider(secret ?? [.. Enumerable.Range(1, 32).Select(i => (byte)i)]));
        builder.Services.AddSingleton(System.Security.Cryptography.RandomNumberGenerator.Create());
        configure?.Invoke(builder.Services);
        builder.Services.AddAizuHousehold(builder.Configuration.GetSection(HouseholdOptions.SectionName));
        builder.Services.AddAizuStorage(builder.Configuration.GetSection("Aizu:Storage"));
        builder.Services.AddAizuEgress(builder.Configuration.GetSection("Aizu:Egress"));
        builder.Services.AddAizuUplink(builder.Configuration.GetSection("Aizu:Uplink"));
        var host = builder.Build();
        await host.StartAsync();
        var harness = new GatewayHarness(host, time, registry, household, recorder);
        await Eventually.TrueAsync(() => harness.Status.Passes >= 1, Patience, () => "the egress side never ran its first pass");
        return harness;
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="total"/> in steps of <paramref name="step"/>, the meter
    /// reporting at every step; after each step waits for the egress pass and, when
    /// <paramref name="expectDelivery"/>, for the outbox to drain to the broker and the recorder.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan step, bool expectDelivery = true)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
        {
            var next = Time.GetUtcNow() + step;
            await Store.AppendAsync(Household.ReadingsAt(next), CancellationToken.None);
            Time.Advance(step);
            await WaitForPassAsync();
            if (expectDelivery)
            {
                await WaitForDrainAsync();
            }
        }
    }

    /// <summary>Waits until a pass that started at the current clock time has completed.</summary>
    public Task WaitForPassAsync()
    {
        var now = Time.GetUtcNow();
        return Eventually.TrueAsync(() => Status.LastPassAt >= now, Patience, () => $"no egress pass at {now:O} (last {Status.LastPassAt:O}, error {Status.LastError})");
    }

    /// <summary>Waits until nothing due is pending and the recorder (if any) has every delivered message.</summary>
    public async Task WaitForDrainAsync()
    {
        await Eventually.TrueAsync(async () => (await Outbox.ListPendingAsync(CancellationToken.None)).Count == 0,
            Patience, () => $"outbox did not drain (uplink connected: {Uplink.IsConnected}, last error {Uplink.LastError})");
        if (Recorder is { } recorder)
        {
            var delivered = (await Log.ListAsync(new EgressLogFilter { Delivered = true }, CancellationToken.None)).Select(e => e.MessageId).ToHashSet();
            await Eventually.TrueAsync(() => delivered.IsSubsetOf(recorder.Messages.Select(m => m.CorrelationData ?? "")),
                Patience, () => "the recorder did not see every delivered message");
        }
    }

    /// <summary>
    /// The <c>consent-id@version</c> behind the opaque <paramref name="reference"/> of the data set
    /// <paramref name="pseudonym"/>, as the gateway itself resolves it (its data set record and its secret), or null.
    /// </summary>
    public async Task<string?> ConsentBehindAsync(string pseudonym, string? reference)
    {
        var journal = Services.GetRequiredService<EgressJournal>();
        var dataSets = Services.GetRequiredService<DataSets>();
        if (reference is null || await journal.FindDataSetAsync(pseudonym, CancellationToken.None) is not { } dataSet)
        {
            return null;
        }

        foreach (var grant in Registry.AllVersions())
        {
            if (await dataSets.ReferenceAsync(dataSet, grant.ConsentId, grant.Version, CancellationToken.None) == reference)
            {
                return grant.Reference;
            }
        }

        return null;
    }

    /// <summary>Stops the host gracefully.</summary>
    public Task StopAsync() => host.StopAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
