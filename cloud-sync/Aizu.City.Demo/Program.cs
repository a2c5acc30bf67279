var households = new Option<int>("--households") { Description = "How many simulated households (1–200).", DefaultValueFactory = _ => 36 };
var brokerPort = new Option<int?>("--broker-port") { Description = "mosquitto's port on 127.0.0.1 (default: a free one)." };
var postgresPort = new Option<int?>("--postgres-port") { Description = "PostgreSQL's port on 127.0.0.1 (default: a free one)." };
var postgresData = new Option<string?>("--postgres-data") { Description = "Keep the PostgreSQL cluster in this directory (made on the first run, reused and left in place after)." };
var metricsPort = new Option<int?>("--metrics-port") { Description = "The ingest's /metrics and /status port on 127.0.0.1 (default: a free one)." };
var root = new RootCommand("Aizu city demo: mosquitto, PostgreSQL, the city ingest and simulated households on this machine; stop with Ctrl+C.")
{
    households, brokerPort, postgresPort, postgresData, metricsPort,
};
root.SetAction(async (parse, _) =>
{
    var count = parse.GetValue(households);
    if (count is < 1 or > 200)
    {
        await Console.Error.WriteLineAsync("aizu-city-demo: --households must be between 1 and 200.");
        return 2;
    }

    // Ctrl+C (SIGINT) or SIGTERM stop the demo cleanly: servers stopped, temporary files removed.
    using var stop = new CancellationTokenSource();
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    try
    {
        await DemoCity.RunAsync(
            new DemoSettings(count, parse.GetValue(brokerPort), parse.GetValue(postgresPort), parse.GetValue(postgresData), parse.GetValue(metricsPort)),
            Console.Out, stop.Token);
        return 0;
    }
    catch (MissingServerProgramException exception)
    {
        await Console.Error.WriteLineAsync($"aizu-city-demo: {exception.Message}");
        return 3;
    }
    catch (Exception exception) when (stop.IsCancellationRequested && exception is OperationCanceledException or Npgsql.NpgsqlException or IOException)
    {
        // Ctrl+C in a terminal reaches PostgreSQL and mosquitto as well as the demo, so the ingest may find them gone as
        // it stops; everything is still stopped and removed (the disposals and the directory's removal run regardless).
        return 0;
    }
    catch (Exception exception) when (exception is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException
        or TimeoutException or IOException or Npgsql.NpgsqlException)
    {
        // A server that would not start, a port taken: one line, what went wrong; everything started is stopped again.
        await Console.Error.WriteLineAsync($"aizu-city-demo: {exception.Message.ReplaceLineEndings(" ").Trim()}");
        return 1;
    }

    void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }
});
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
