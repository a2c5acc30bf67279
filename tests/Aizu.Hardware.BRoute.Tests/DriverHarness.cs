namespace Aizu.Hardware.BRoute.Tests;

/// <summary>The real driver against the simulated dongle over a real pseudo-terminal.</summary>
internal sealed class DriverHarness : DriverUnderTest<BRouteDriver>
{
    private SimulatedWiSunDongle? _dongle;
    private BRouteOptions? _options;

    private DriverHarness()
        : base("broute")
    {
    }

    public SimulatedWiSunDongle Dongle => _dongle!;

    public BRouteOptions Options => _options!;

    public static async Task<DriverHarness> StartSimulatorAsync(
        SkstackDialect dialect = SkstackDialect.Bp35A1,
        SkstackDataFormat format = SkstackDataFormat.HexAscii,
        string? password = null)
    {
        var harness = new DriverHarness();
        var simulatorOptions = new SimulatedDongleOptions
        {
            Dialect = dialect,
            DataFormat = format,
            DevicePath = Path.Combine(harness.Directory, "ttyWiSUN"),
            LatencyScale = 0.05,
        };
        harness._dongle = await BRouteSimulation.StartAsync(simulatorOptions, TimeProvider.System, null, CancellationToken.None);
        harness._options = new BRouteOptions
        {
            DevicePath = harness._dongle.DevicePath,
            Dialect = dialect,
            RouteBId = simulatorOptions.RouteBId,
            Password = password ?? simulatorOptions.Password,
            PowerInterval = TimeSpan.FromMilliseconds(200),
            EnergyInterval = TimeSpan.FromSeconds(1),
            ResponseTimeout = TimeSpan.FromMilliseconds(800),
            CommandTimeout = TimeSpan.FromSeconds(2),
            JoinTimeout = TimeSpan.FromSeconds(5),
            MaxMissedResponses = 2,
            MaxRetryDelay = TimeSpan.FromSeconds(1),
            PanCachePath = Path.Combine(harness.Directory, "pan.json"),
        };
        return harness;
    }

    /// <summary>The simulator and a driver that has joined and delivered its first power reading.</summary>
    public static async Task<DriverHarness> StartPollingAsync()
    {
        var harness = await StartSimulatorAsync();
        try
        {
            harness.StartDriver();
            await harness.NextAsync(SeriesNames.ElectricPower);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    public void StartDriver(TimeProvider? time = null, IPanStore? panStore = null) =>
        Run(new BRouteDriver(
            Microsoft.Extensions.Options.Options.Create(Options),
            panStore ?? new JsonFilePanStore(Options.PanCachePath, NullLogger<JsonFilePanStore>.Instance),
            time ?? TimeProvider.System,
            Log));

    protected override ValueTask DisposeSimulatorAsync() => _dongle?.DisposeAsync() ?? ValueTask.CompletedTask;
}
