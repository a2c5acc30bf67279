// dotnet run -c Release --project bench/Aizu.City.Benchmarks [-- gateways [--store]]
// --store: only the database side (StoreLoad: AggregateStore.StoreAsync in batches of 500, 1 and 2 writers).
// For 1 and then 2 instances: a fresh database, the instances start once (so the broker keeps their
// sessions and the shared subscription), stop, the day's messages are published while they are away,
// then they start again and the clock runs until every message is stored.
var gateways = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var load = new CityLoad(gateways);
if (args.Contains("--store"))
{
    await using var storePostgres = await PostgresServer.StartAsync(durable: true);
    var table = new StringBuilder("| writers | windows | seconds | windows/s | median batch | p95 batch | max batch |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    foreach (var writers in new[] { 1, 2 })
    {
        await storePostgres.CreateDatabaseAsync($"store_{writers}");
        var row = await StoreLoad.RunAsync(storePostgres.ConnectionString($"store_{writers}"), gateways, writers);
        Console.WriteLine(row);
        table.AppendLine(row);
    }

    Console.WriteLine();
    Console.WriteLine(table.ToString());
    return 0;
}

await using var broker = await MosquittoBroker.StartAsync(extraConfig: "max_inflight_messages 1000\nmax_queued_messages 2000000\nmax_queued_bytes 0");
await using var postgres = await PostgresServer.StartAsync(durable: true);
using var directory = new TemporaryDirectory("city-bench");
using (var key = P256Keys.Create())
{
    await File.WriteAllTextAsync(directory.File("key.pem"), P256Keys.ExportPrivatePem(key));
}

var results = new StringBuilder();
results.AppendLine(CultureInfo.InvariantCulture, $"{gateways} gateways, {load.DataMessages} data messages, {Environment.ProcessorCount} cores");
await PublishAsync(broker.Port, load.ConsentStates(), retain: true);
double? single = null;
foreach (var instances in new[] { 1, 2 })
{
    var database = $"bench_{instances}";
    await postgres.CreateDatabaseAsync(database);
    var share = $"bench-{instances}";
    var hosts = new List<IHost>();
    for (var i = 0; i < instances; i++)
    {
        hosts.Add(await StartAsync(postgres.ConnectionString(database), share, $"ingest-{instances}-{i}"));
    }

    // Registry full (every instance reads every retained state), then away while the day arrives.
    await Eventually.TrueAsync(() => hosts.All(h => Metrics(h).Snapshot().ConsentStates >= gateways), "the consent states", TimeSpan.FromMinutes(10));
    foreach (var host in hosts)
    {
        await host.StopAsync();
        host.Dispose();
    }

    hosts.Clear();
    var published = Stopwatch.StartNew();
    await PublishAsync(broker.Port, load.Data(), retain: false);
    Console.WriteLine($"published {load.DataMessages} in {published.Elapsed.TotalSeconds:0.0} s");

    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var machineBefore = MachineTicks();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < instances; i++)
    {
        hosts.Add(await StartAsync(postgres.ConnectionString(database), share, $"ingest-{instances}-{i}"));
    }

    await Eventually.TrueAsync(() => hosts.Sum(h => Metrics(h).Stored + Metrics(h).RejectedTotal) >= load.DataMessages,
        TimeSpan.FromMinutes(30), () => $"all stored: {string.Join(", ", hosts.Select(h => Metrics(h).Stored))}");
    var elapsed = clock.Elapsed.TotalSeconds;
    var ingestCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    var machineAfter = MachineTicks();
    var busy = (double)(machineAfter.Busy - machineBefore.Busy) / (machineAfter.Total - machineBefore.Total);
    var stored = hosts.Select(h => Metrics(h).Stored).ToList();
    var rejected = hosts.Sum(h => Metrics(h).RejectedTotal);
    await using (var connection = new NpgsqlConnection(postgres.ConnectionString(database)))
    {
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM aggregate", connection);
        var rows = (long)(await count.ExecuteScalarAsync())!;
        var rate = rows / elapsed;
        single ??= rate;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {instances} | {rows} | {rejected} | {elapsed:0.0} | {rate:0} | {string.Join(" / ", stored.Select(s => (s / elapsed).ToString("0", CultureInfo.InvariantCulture)))} | {rate / single.Value:0.00} | {ingestCpu / rows * 1e6:0} µs | {busy:P0} |");
        results.AppendLine(line);
        Console.WriteLine(line);
    }

    foreach (var host in hosts)
    {
        await host.StopAsync();
        host.Dispose();
    }
}

Console.WriteLine();
Console.WriteLine("| instances | rows stored | refused | seconds | messages/s (= PostgreSQL rows/s) | per instance | vs 1 | ingest CPU per message | machine busy |");
Console.WriteLine(results.ToString());
return 0;

// All cores' busy and total jiffies from /proc/stat: how much of the machine the run used (PostgreSQL and mosquitto included).
static (long Busy, long Total) MachineTicks()
{
    var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
    var idle = fields[3] + fields[4];
    return (fields.Sum() - idle, fields.Sum());
}

static IngestMetrics Metrics(IHost host) => host.Services.GetRequiredService<IngestMetrics>();

async Task<IHost> StartAsync(string connectionString, string share, string clientId)
{
    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Aizu:City:Ingest:ConnectionString"] = connectionString,
        ["Aizu:City:Ingest:BrokerHost"] = "127.0.0.1",
        ["Aizu:City:Ingest:BrokerPort"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Aizu:City:Ingest:ClientId"] = clientId,
        ["Aizu:City:Ingest:ShareName"] = share,
        ["Aizu:City:Ingest:Recipient"] = CityLoad.Recipient,
        ["Aizu:City:Ingest:MetricsUrl"] = "",
        ["Aizu:City:Ingest:ConfirmationKeyPath"] = directory.File("key.pem"),
    });
    builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
    builder.Services.AddAizuCityIngest(builder.Configuration.GetSection(IngestOptions.SectionName));
    var host = builder.Build();
    await host.StartAsync();
    await Eventually.TrueAsync(() => host.Services.GetRequiredService<IngestMetrics>().Snapshot().Connected, "the instance to connect", TimeSpan.FromMinutes(1));
    return host;
}

// Eight connections, up to 1000 publishes in flight each: the publisher must not be what is measured.
static async Task PublishAsync(int port, IEnumerable<(string Topic, byte[] Payload, IReadOnlyList<KeyValuePair<string, string>> Properties)> messages, bool retain)
{
    var clients = new List<IMqttClient>();
    for (var i = 0; i < 8; i++)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithClientId($"bench-publisher-{i}-{Guid.NewGuid():N}").Build());
        clients.Add(client);
    }

    using var gate = new SemaphoreSlim(8000);
    var pending = new List<Task>();
    var n = 0;
    foreach (var (topic, payload, properties) in messages)
    {
        await gate.WaitAsync();
        var builder = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain);
        foreach (var (name, value) in properties)
        {
            builder.WithUserProperty(name, Encoding.UTF8.GetBytes(value).AsMemory());
        }

        var client = clients[n++ % clients.Count];
        pending.Add(Publish(client, builder.Build(), gate));
        if (pending.Count > 20_000)
        {
            pending.RemoveAll(t => t.IsCompleted);
        }
    }

    await Task.WhenAll(pending);
    foreach (var client in clients)
    {
        await client.DisconnectAsync();
        client.Dispose();
    }

    static async Task Publish(IMqttClient client, MqttApplicationMessage message, SemaphoreSlim gate)
    {
        try
        {
            var result = await client.PublishAsync(message);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"the broker refused {message.Topic}: {result.ReasonCode}");
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
