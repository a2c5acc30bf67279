namespace Aizu.Hardware.Sml.Tests;

/// <summary>The real driver against the simulated SML meter over a real pseudo-terminal.</summary>
internal sealed class DriverHarness : SerialMeterHarness<SmlMeterSource, SmlFile, SmlErrorKind>
{
    private readonly SmlOptions _options = new()
    {
        PowerInterval = TimeSpan.FromMilliseconds(1),
        EnergyInterval = TimeSpan.FromMilliseconds(1),

        // A frame takes about half a second at 9600 baud; a loaded CI machine needs headroom before
        // two cut-off frames in a row look like a silent read head.
        SilenceTimeout = TimeSpan.FromSeconds(3),
        MaxRetryDelay = TimeSpan.FromSeconds(1),
    };

    private DriverHarness()
        : base("sml")
    {
    }

    public override SerialMeterOptions Options => _options;

    public static async Task<DriverHarness> StartSimulatorAsync()
    {
        var harness = new DriverHarness();
        var meter = await SmlSimulation.StartAsync(
            new SimulatedSmlOptions
            {
                DevicePath = Path.Combine(harness.Directory, "ttyIR"),
                PushInterval = TimeSpan.FromMilliseconds(100),
            },
            TimeProvider.System,
            CancellationToken.None);
        harness.Attach(meter);
        harness.Options.DevicePath = meter.DevicePath;
        return harness;
    }

    protected override SmlMeterSource CreateDriver(TimeProvider time) =>
        new(Microsoft.Extensions.Options.Options.Create(_options), time, Log);
}
