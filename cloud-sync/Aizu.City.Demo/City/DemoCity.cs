namespace Aizu.City.Demo;

/// <summary>
/// The whole demo: mosquitto, PostgreSQL, one ingest instance (in this process, serving /metrics and
/// /status), the simulated households; a summary every few seconds until cancelled; then everything
/// stopped and its temporary directory removed.
/// </summary>
internal static class DemoCity
{
    public const string Database = "aizu_city";
    private static readonly TimeSpan SummaryEvery = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(DemoSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), $"aizu-city-demo-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            // PostgreSQL (as its own user when the demo runs as root) and mosquitto must reach their directories in here.
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        try
        {
            await RunInAsync(root, settings, output, cancellationToken);
        }
        finally
        {
            ServerProcess.DeleteDirectory(root);
        }
    }

    private static async Task RunInAsync(string root, DemoSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        // Refusals are counted in the summary line and listed on /status; one log line each would drown it.
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter(typeof(IngestProcessor).FullName, LogLevel.Error));
        // The households' own warnings (an uplink reconnecting as the broker stops, say) would drown the summary.
        using var householdLogging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error));
        await output.WriteLineAsync($"Aizu city demo: files in {root}");
        // The broker settings docs/city.md asks for: many messages in flight, queues large enough for an ingest that is away.
        await using var broker = await MosquittoBroker.StartAsync(
            extraConfig: "max_inflight_messages 1000\nmax_queued_messages 1000000", port: settings.BrokerPort, parentDirectory: root);
        await output.WriteLineAsync($"  MQTT broker (mosquitto):  127.0.0.1:{broker.Port}");
        await using var postgres = await PostgresServer.StartAsync(parentDirectory: root, keptDirectory: settings.PostgresData, port: settings.PostgresPort);
        await CreateDatabaseAsync(postgres, cancellationToken);
        var connectionString = postgres.TcpConnectionString(Database);
        await output.WriteLineAsync($"  PostgreSQL:               {connectionString}");
        if (settings.PostgresData is not null)
        {
            await output.WriteLineAsync($"  PostgreSQL data (kept):   {postgres.Directory}");
        }

        var keyPath = Path.Combine(root, "confirmation.pem");
        using (var key = P256Keys.Create())
        {
            await File.WriteAllTextAsync(keyPath, P256Keys.ExportPrivatePem(key), cancellationToken);
        }

        var metricsUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{settings.MetricsPort ?? FreePort.Next()}");
        await using var ingest = await StartIngestAsync(connectionString, broker.Port, keyPath, metricsUrl, logging, cancellationToken);
        await output.WriteLineAsync($"  Ingest metrics:           {metricsUrl}/metrics  (status: {metricsUrl}/status)");
        await using var households = await DemoHouseholds.StartAsync(
            settings.Households, Directory.CreateDirectory(Path.Combine(root, "households")).FullName, broker.Port, TimeProvider.System, householdLogging, cancellationToken);
        await output.WriteLineAsync($"  Households:               {households.Count} simulated gateways (real egress, outbox and uplink; clocks from two days ago, three hours a step until they reach now)");
        await output.WriteLineAsync("Stop with Ctrl+C.");

        await using var database = NpgsqlDataSource.Create(connectionString);
        var metrics = ingest.Services.GetRequiredService<IngestMetrics>();
        var running = households.RunAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested && !running.IsCompleted)
            {
                await Task.WhenAny(Task.Delay(SummaryEvery, cancellationToken), running);
                if (!running.IsCompleted && !cancellationToken.IsCancellationRequested)
                {
                    try
                    {
                        await output.WriteLineAsync(await DemoSummary.LineAsync(database, metrics, households.Now, households.Count, cancellationToken));
                    }
                    catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Ctrl+C reaches PostgreSQL a moment before the demo notices it; a summary is not worth stopping for.
                        await output.WriteLineAsync($"(no summary this time: {exception.Message})");
                    }
                }
            }

            await running;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C in a terminal reaches mosquitto and PostgreSQL too: whatever was under way as they went is moot.
        }

        await output.WriteLineAsync("Stopping the demo …");
    }

    private static async Task<WebApplication> StartIngestAsync(string connectionString, int brokerPort, string keyPath, string metricsUrl, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:City:Ingest:ConnectionString"] = connectionString,
            ["Aizu:City:Ingest:BrokerHost"] = "127.0.0.1",
            ["Aizu:City:Ingest:BrokerPort"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Aizu:City:Ingest:ClientId"] = "demo-ingest-1",
            ["Aizu:City:Ingest:Recipient"] = DemoHouseholds.Recipient,
            ["Aizu:City:Ingest:MetricsUrl"] = metricsUrl,
            ["Aizu:City:Ingest:ConfirmationKeyPath"] = keyPath,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(logging);
        builder.Services.AddAizuCityIngest(builder.Configuration.GetSection(IngestOptions.SectionName));
        builder.WebHost.UseUrls(metricsUrl);
        var app = builder.Build();
        app.MapIngestEndpoints();
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static async Task CreateDatabaseAsync(PostgresServer postgres, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(postgres.TcpConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // A kept cluster from an earlier run: its database, schema and rows stay.
        }
    }
}
