namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>The real driver against the simulated P1 meter over a real pseudo-terminal.</summary>
internal sealed class DriverHarness : SerialMeterHarness<DsmrMeterSource, DsmrReadout, DsmrErrorKind>
{
    private readonly DsmrOptions _options;

    private DriverHarness(DsmrProtocol protocol)
        : base("dsmr")
    {
        _options = new DsmrOptions
        {
            Protocol = protocol,
            PowerInterval = TimeSpan.FromMilliseconds(1),
            EnergyInterval = TimeSpan.FromMilliseconds(1),
            // Like the SML harness: under a loaded CI a 1 s silence limit was reached between 100 ms telegrams.
            SilenceTimeout = TimeSpan.FromSeconds(3),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        };
    }

    public override SerialMeterOptions Options => _options;

    public static async Task<DriverHarness> StartSimulatorAsync(DsmrProtocol protocol = DsmrProtocol.Dsmr5, bool water = false)
    {
        var harness = new DriverHarness(protocol);
        var meter = await DsmrSimulation.StartAsync(
            new SimulatedP1Options
            {
                Protocol = protocol,
                DevicePath = Path.Combine(harness.Directory, "ttyP1"),
                TelegramInterval = TimeSpan.FromMilliseconds(100),
                WaterMeter = water,
                Household = new EuropeanHouseholdProfile { SolarPeakWatts = 3000 },
            },
            TimeProvider.System,
            CancellationToken.None);
        harness.Attach(meter);
        harness.Options.DevicePath = meter.DevicePath;
        return harness;
    }

    protected override DsmrMeterSource CreateDriver(TimeProvider time)
    {
        var options = Microsoft.Extensions.Options.Options.Create(_options);
        return _options.Protocol == DsmrProtocol.Dsmr22
            // A pty cannot carry parity (Linux forces CS8, glibc then fails 7E1 with EINVAL): same path, 8N1 at 9600.
            ? new DsmrMeterSource(options, time, Log, path => SerialDevice.Open(path, new SerialSettings(9600)))
            : new DsmrMeterSource(options, time, Log);
    }
}
