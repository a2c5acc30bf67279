namespace Aizu.Hardware.Simulators.Tests.Support;

/// <summary>A started simulator (profile, meter, dongle at 1/20 of real latency) and a host connected to it.</summary>
internal sealed class DongleHarness : IAsyncDisposable
{
    public const double FastLatency = 0.05;

    private DongleHarness(SimulatedDongleOptions options, TimeProvider time)
    {
        Options = options;
        Profile = new HouseholdLoadProfile();
        Meter = new SimulatedSmartMeter(Profile, time);
        Dongle = new SimulatedWiSunDongle(options, Meter, time);
    }

    public SimulatedDongleOptions Options { get; }

    public HouseholdLoadProfile Profile { get; }

    public SimulatedSmartMeter Meter { get; }

    public SimulatedWiSunDongle Dongle { get; }

    public HostConnection Host { get; private set; } = null!;

    public SkstackDialect Dialect => Options.Dialect;

    public string MeterAddress => SkstackAddress.LinkLocalFromMac(Options.MeterMac);

    public static async Task<DongleHarness> StartAsync(
        Func<SimulatedDongleOptions, SimulatedDongleOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new SimulatedDongleOptions { LatencyScale = FastLatency };
        var harness = new DongleHarness(configure?.Invoke(options) ?? options, time ?? TimeProvider.System);
        await harness.Dongle.StartAsync(CancellationToken.None);
        harness.Host = HostConnection.Open(harness.Dongle.DevicePath, harness.Dialect, harness.Options.DataFormat);
        return harness;
    }

    /// <summary>Closes the host's side and opens the device path again.</summary>
    public async Task ReconnectAsync()
    {
        await Host.DisposeAsync();
        Host = HostConnection.Open(Dongle.DevicePath, Dialect, Dongle.DataFormat);
    }

    /// <summary>Echo off, credentials, channel and PAN ID, as a driver does after a scan.</summary>
    public async Task ConfigureAsync(string? password = null)
    {
        await Host.CommandAsync(SkstackCommands.SkSetRegister("SFE", "0"));
        await Host.CommandAsync(SkstackCommands.SkSetPassword(password ?? Options.Password));
        await Host.CommandAsync(SkstackCommands.SkSetRouteBId(Options.RouteBId));
        await Host.CommandAsync(SkstackCommands.SkSetRegister("S2", Options.Channel.ToString("X2", CultureInfo.InvariantCulture)));
        await Host.CommandAsync(SkstackCommands.SkSetRegister("S3", Options.PanId.ToString("X4", CultureInfo.InvariantCulture)));
    }

    /// <summary>SKJOIN and the event that ends the PANA authentication (25 or 24).</summary>
    public async Task<SkstackEventCode> JoinAsync()
    {
        await Host.CommandAsync(SkstackCommands.SkJoin(MeterAddress));
        var outcome = await Host.ExpectAsync<SkstackEvent>(e => e.Code is SkstackEventCode.PanaSucceeded or SkstackEventCode.PanaFailed);
        return outcome.Code;
    }

    /// <summary>SKSENDTO of an ECHONET Lite Get from the controller object; returns after EVENT 21 and OK.</summary>
    public async Task SendGetAsync(ushort tid, params byte[] epcs)
    {
        await Host.SendAsync(SkstackCommands.SkSendTo(Dialect, 1, MeterAddress, 0x0E1A, true, Frames.Get(tid, epcs)));
        await Host.ExpectEventAsync(SkstackEventCode.UdpSendCompleted);
        await Host.ExpectAsync<SkstackOk>();
    }

    /// <summary>The meter's answer to the frame with <paramref name="tid"/>, skipping notifications.</summary>
    public Task<SkstackUdpReceived> AnswerAsync(ushort tid, TimeSpan? timeout = null) =>
        Host.ExpectAsync<SkstackUdpReceived>(
            m => m.RemotePort == 0x0E1A && m.Data.Length >= 4 && BinaryPrimitives.ReadUInt16BigEndian(m.Data.Span[2..]) == tid
                && m.Data.Span[10] != (byte)EchonetService.Inf,
            timeout);

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Dongle.DisposeAsync();
    }
}
