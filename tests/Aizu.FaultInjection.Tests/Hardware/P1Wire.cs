namespace Aizu.FaultInjection.Tests.Hardware;

/// <summary>
/// A simulated P1 meter's cable with a fault in it: the wire reads every telegram the meter sends on its own
/// pseudo-terminal, notes what the meter measured (the ground truth), changes the telegram's lines as the test says,
/// writes a CRC that is right again (so the driver must take the telegram and skip only what it cannot use), and sends it
/// on the pseudo-terminal the gateway opens at <see cref="DevicePath"/>.
/// </summary>
internal sealed class P1Wire : IAsyncDisposable
{
    private static readonly SerialSettings Line = new(115200);

    private readonly Lock sync = new();
    private readonly List<(DateTimeOffset At, Dictionary<string, double> Values)> said = [];
    private readonly SimulatedP1Meter meter;
    private readonly SimulatedP1Meter cable;
    private readonly Func<List<string>, List<string>> change;
    private readonly CancellationTokenSource stop = new();
    private Task relay = Task.CompletedTask;
    private volatile bool passing;

    private P1Wire(SimulatedP1Meter meter, SimulatedP1Meter cable, Func<List<string>, List<string>> change)
    {
        this.meter = meter;
        this.cable = cable;
        this.change = change;
    }

    /// <summary>The path the gateway opens as its P1 port.</summary>
    public string DevicePath => cable.DevicePath;

    /// <summary>Telegrams passed on so far.</summary>
    public int Relayed
    {
        get
        {
            lock (sync)
            {
                return said.Count;
            }
        }
    }

    /// <summary>Starts a DSMR 5 meter sending every second and the wire, whose far end is a link at <paramref name="devicePath"/>.</summary>
    public static async Task<P1Wire> StartAsync(string devicePath, Func<List<string>, List<string>> change)
    {
        var meter = await DsmrSimulation.StartAsync(new SimulatedP1Options { TelegramInterval = TimeSpan.FromSeconds(1) }, TimeProvider.System, CancellationToken.None);

        // The cable's own meter is silent from the start (a telegram of its own, waiting in the pseudo-terminal, would
        // be read by the gateway): only what comes through the wire reaches the gateway.
        var cable = new SimulatedP1Meter(new SimulatedP1Options { DevicePath = devicePath }, TimeProvider.System);
        cable.SetSilent(true);
        await SimulatedPushMeter.StartAsync(cable, CancellationToken.None);
        var wire = new P1Wire(meter, cable, change);
        wire.relay = Task.Run(() => wire.RelayAsync(wire.stop.Token));
        return wire;
    }

    /// <summary>
    /// Passes the meter's telegrams on from now: until the gateway has the port open they would wait in the
    /// pseudo-terminal (a few, the rest dropped) and be stamped long after the meter sent them. Until then they are read
    /// and dropped.
    /// </summary>
    public void Connect() => passing = true;

    /// <summary>The values the meter measured for <paramref name="series"/>, in the order it sent them, with when the wire passed each on.</summary>
    public IReadOnlyList<(DateTimeOffset At, double Value)> Said(string series)
    {
        lock (sync)
        {
            return [.. said.Where(t => t.Values.ContainsKey(series)).Select(t => (t.At, t.Values[series]))];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await relay;
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-read.
        }

        await meter.DisposeAsync();
        await cable.DisposeAsync();
        stop.Dispose();
    }

    private async Task RelayAsync(CancellationToken cancellationToken)
    {
        await using var tty = SerialDevice.Open(meter.DevicePath, Line);
        var buffer = new byte[4096];
        var pending = new StringBuilder();
        while (!cancellationToken.IsCancellationRequested)
        {
            int read = await tty.ReadAsync(buffer, cancellationToken);
            pending.Append(Encoding.ASCII.GetString(buffer, 0, read));

            // One read may end a telegram and hold the whole next one.
            while (NextTelegram(pending) is { } telegram)
            {
                if (!passing)
                {
                    continue;
                }

                var values = Measured(Encoding.ASCII.GetBytes(telegram));
                lock (sync)
                {
                    said.Add((DateTimeOffset.UtcNow, values));
                }

                await cable.SendGarbageAsync(TelegramMutator.Write(change(TelegramMutator.Lines(telegram))), cancellationToken);
            }
        }
    }

    /// <summary>Takes the first whole telegram ('/' to the CRC's line end) off <paramref name="pending"/>; null until one is there.</summary>
    private static string? NextTelegram(StringBuilder pending)
    {
        var text = pending.ToString();
        int start = text.IndexOf('/', StringComparison.Ordinal);
        int bang = start < 0 ? -1 : text.IndexOf('!', start);
        if (bang < 0 || text.Length < bang + 7)
        {
            return null;
        }

        pending.Remove(0, bang + 7);
        return text[start..(bang + 7)];
    }

    /// <summary>What a telegram says, by the series the gateway stores it under.</summary>
    private static Dictionary<string, double> Measured(byte[] telegram)
    {
        var readout = new DsmrReadout();
        if (!DsmrTelegramParser.TryParse(telegram, DsmrParseOptions.Strict, readout, out var error))
        {
            throw new InvalidDataException($"The simulated meter sent a telegram its own driver refuses ({error}): {Encoding.ASCII.GetString(telegram)}");
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string series, decimal? value)
        {
            if (value is { } v)
            {
                values[series] = (double)v;
            }
        }

        Add(SeriesNames.ElectricPower, readout.NetPower);
        Add(SeriesNames.ElectricImportEnergy, readout.ImportEnergy);
        Add(SeriesNames.ElectricExportEnergy, readout.ExportEnergy);
        Add(SeriesNames.ElectricImportEnergyTariffOne, readout.ImportTariff1);
        Add(SeriesNames.ElectricImportEnergyTariffTwo, readout.ImportTariff2);
        Add(SeriesNames.ElectricExportEnergyTariffOne, readout.ExportTariff1);
        Add(SeriesNames.ElectricExportEnergyTariffTwo, readout.ExportTariff2);
        string[] voltages = [SeriesNames.ElectricVoltagePhaseOne, SeriesNames.ElectricVoltagePhaseTwo, SeriesNames.ElectricVoltagePhaseThree];
        string[] currents = [SeriesNames.ElectricCurrentPhaseOne, SeriesNames.ElectricCurrentPhaseTwo, SeriesNames.ElectricCurrentPhaseThree];
        string[] powers = [SeriesNames.ElectricPowerPhaseOne, SeriesNames.ElectricPowerPhaseTwo, SeriesNames.ElectricPowerPhaseThree];
        for (int phase = 0; phase < 3; phase++)
        {
            Add(voltages[phase], readout.PhaseVoltage(phase));
            Add(currents[phase], readout.PhaseCurrent(phase));
            Add(powers[phase], readout.PhaseNetPower(phase));
        }

        return values;
    }
}
