namespace Aizu.Gateway.Cli;

/// <summary>
/// <c>aizu simulate broute|dsmr|sml</c>: one simulated meter as its own process behind a pseudo-terminal, so a gateway
/// (or any other tool) can be pointed at a "real" serial device and its own footprint measured without the
/// simulator inside it.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("simulate", "Run a simulated meter behind a pseudo-terminal until Ctrl+C; point a gateway's DevicePath at --device.")
        {
            BRoute(output, error),
            Dsmr(output, error),
            Sml(output, error),
        };

    private static Option<string> DeviceOption(string defaultPath) =>
        new("--device") { Description = "Symbolic link to create that follows the pseudo-terminal (like a udev by-id link).", DefaultValueFactory = _ => defaultPath };

    private static Command BRoute(TextWriter output, TextWriter error)
    {
        var dialect = new Option<SkstackDialect>("--dialect") { Description = "Dongle firmware to imitate.", DefaultValueFactory = _ => SkstackDialect.Bp35A1 };
        var defaults = new SimulatedDongleOptions();
        var id = new Option<string>("--route-b-id") { Description = "The meter's B-route ID (32 characters).", DefaultValueFactory = _ => defaults.RouteBId };
        var password = new Option<string>("--password") { Description = "The meter's B-route password (12 characters).", DefaultValueFactory = _ => defaults.Password };
        var latency = new Option<double>("--latency-scale") { Description = "Multiplies the radio delays (scan, join, answers): 1 is a real meter, the demo's 0.2 keeps a scan short.", DefaultValueFactory = _ => 0.2 };
        return Simulator("broute", "A Wi-SUN dongle (SKSTACK-IP) with a Japanese smart meter behind it.", "aizu-ttyWiSUN", [dialect, id, password, latency], output, error, async (parse, device, ct) =>
        {
            var options = defaults with
            {
                DevicePath = device,
                Dialect = parse.GetValue(dialect),
                RouteBId = parse.GetValue(id)!,
                Password = parse.GetValue(password)!,
                LatencyScale = parse.GetValue(latency),
            };
            var dongle = await BRouteSimulation.StartAsync(options, TimeProvider.System, loggers: null, ct);
            output.WriteLine($"Simulated Wi-SUN dongle ({options.Dialect}) on {dongle.DevicePath}; B-route ID {options.RouteBId}, password {options.Password}.");
            return dongle;
        });
    }

    private static Command Dsmr(TextWriter output, TextWriter error)
    {
        var protocol = new Option<DsmrProtocol>("--protocol") { Description = "Meter generation to imitate.", DefaultValueFactory = _ => DsmrProtocol.Dsmr5 };
        return Simulator("dsmr", "A Dutch/Belgian smart meter's P1 port (DSMR telegrams, with a gas meter on M-Bus).", "aizu-ttyP1", [protocol], output, error, async (parse, device, ct) =>
        {
            var options = new SimulatedP1Options { DevicePath = device, Protocol = parse.GetValue(protocol) };
            var meter = await DsmrSimulation.StartAsync(options, TimeProvider.System, ct);
            output.WriteLine($"Simulated P1 port ({options.Protocol}) on {meter.DevicePath}.");
            return meter;
        });
    }

    private static Command Sml(TextWriter output, TextWriter error) =>
        Simulator("sml", "A German smart meter's optical read head (SML).", "aizu-ttySML", [], output, error, async (_, device, ct) =>
        {
            var meter = await SmlSimulation.StartAsync(new SimulatedSmlOptions { DevicePath = device }, TimeProvider.System, ct);
            output.WriteLine($"Simulated SML read head on {meter.DevicePath}.");
            return meter;
        });

    /// <summary>
    /// One simulator's command: <c>--device</c> (a link named <paramref name="deviceName"/> in the temporary directory
    /// by default) then <paramref name="options"/>; <paramref name="start"/> starts the simulator on the device path given.
    /// </summary>
    private static Command Simulator(
        string name,
        string description,
        string deviceName,
        Option[] options,
        TextWriter output,
        TextWriter error,
        Func<ParseResult, string?, CancellationToken, Task<IAsyncDisposable>> start)
    {
        var device = DeviceOption(Path.Combine(Path.GetTempPath(), deviceName));
        var command = new Command(name, description) { device };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(ct => start(parse, parse.GetValue(device), ct), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Func<CancellationToken, Task<IAsyncDisposable>> start, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IAsyncDisposable simulator;
        try
        {
            simulator = await start(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot start the simulator: {ex.Message}");
            return ExitCodes.CannotStart;
        }

        // Ctrl+C and `kill` (SIGTERM) both end the simulation normally, so the device link is removed and the exit code is 0.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using (simulator)
        {
            output.WriteLine("Running; Ctrl+C stops.");
            output.Flush();
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return ExitCodes.Ok;
    }
}
