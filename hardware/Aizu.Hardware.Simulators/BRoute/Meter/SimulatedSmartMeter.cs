namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// A low-voltage smart electric energy meter (ECHONET Lite class 0x0288, instance 1) answering ECHONET Lite frames
/// the way a Japanese utility meter does on the B-route, with readings drawn from a <see cref="HouseholdLoadProfile"/>.
/// </summary>
/// <remarks>
/// <para>Every energy value comes from the same integral of the profile, counted from <see cref="InstalledAt"/>: the
/// live register (0xE0), the 30-minute history (0xE2) and the fixed-time value (0xEA) therefore agree with each other
/// and with <see cref="HouseholdLoadProfile.EnergyKilowattHours"/>, to within the 0.1 kWh resolution of the register.
/// Only the instantaneous values (0xE7, 0xE8) carry noise, from a <see cref="Random"/> seeded per meter.</para>
/// <para>The meter is thread-safe; the dongle simulator calls it from its own tasks.</para>
/// </remarks>
public sealed class SimulatedSmartMeter
{
    /// <summary>The register rolls over at 10^6 counts (effective digits 0xD7 = 6).</summary>
    public const uint RegisterModulus = 1_000_000;

    /// <summary>How many days of data the meter has when it is created: every history day a B-route client can ask
    /// for (0–99) is covered.</summary>
    public const int DaysInstalledBeforeCreation = 100;

    private const int EffectiveDigits = 6;
    private const decimal UnitKilowattHours = 0.1m;
    private const double CountsPerKilowattHour = 10;
    private const double LineVolts = 100;

    // Single-phase three-wire: loads are never perfectly balanced between the R and T lines.
    private const double RPhaseShare = 0.55;

    private static readonly EchonetObject Self = EchonetObject.SmartElectricEnergyMeter;

    private static ReadOnlySpan<byte> GetMap =>
    [
        0x80, 0x81, 0x82, 0x88, 0x8A, 0x97, 0x98, 0x9D, 0x9E, 0x9F, SmartMeterEpc.Coefficient, SmartMeterEpc.EffectiveDigits,
        SmartMeterEpc.CumulativeNormal, SmartMeterEpc.CumulativeUnit, SmartMeterEpc.HistoryNormal,
        SmartMeterEpc.CumulativeReverse, SmartMeterEpc.HistoryReverse, SmartMeterEpc.HistoryDay,
        SmartMeterEpc.InstantaneousPower, SmartMeterEpc.InstantaneousCurrent, SmartMeterEpc.FixedTimeNormal,
        SmartMeterEpc.FixedTimeReverse,
    ];

    private readonly HouseholdLoadProfile profile;
    private readonly TimeProvider time;
    private readonly Random noise;
    private readonly Lock sync = new();
    private readonly Lazy<MinuteEnergyIntegral> netImport;
    private readonly Lazy<MinuteEnergyIntegral> netExport;
    private readonly uint initialReading;
    private int historyDay;
    private ushort nextTid;
    private DateTime lastNotifiedBoundary;

    /// <summary>Creates a meter whose clock is <paramref name="timeProvider"/> (shown in Japan time).</summary>
    /// <param name="profile">The household behind the meter.</param>
    /// <param name="timeProvider">The meter's clock.</param>
    /// <param name="seed">Seed of the measurement noise on 0xE7/0xE8, so tests are repeatable.</param>
    public SimulatedSmartMeter(HouseholdLoadProfile profile, TimeProvider timeProvider, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.profile = profile;
        time = timeProvider;
        noise = new Random(seed);
        var now = JapanTime.Now(timeProvider);
        InstalledAt = now.Date.AddDays(-DaysInstalledBeforeCreation);
        lastNotifiedBoundary = JapanTime.LatestHalfHour(now);
        netImport = new Lazy<MinuteEnergyIntegral>(() => new MinuteEnergyIntegral(t => Math.Max(NetWatts(t), 0)));
        netExport = new Lazy<MinuteEnergyIntegral>(() => new MinuteEnergyIntegral(t => Math.Max(-NetWatts(t), 0)));
    }

    /// <summary>
    /// True for a house with the profile's rooftop PV: the meter then measures the net flow, counts surplus in the
    /// export register (0xE3/0xE4/0xEB) and reports negative power while exporting. False (the default): a house
    /// without PV, whose export register stays 0.
    /// </summary>
    public bool ExportEnabled { get; init; }

    /// <summary>The import register's raw value at <see cref="InstalledAt"/> (0 for a new meter); set it close to
    /// <see cref="RegisterModulus"/> to exercise roll-over. The export register always starts at 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value has more than six digits.</exception>
    public uint InitialReading
    {
        get => initialReading;
        init
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, RegisterModulus);
            initialReading = value;
        }
    }

    /// <summary>Japan local midnight from which the registers count, <see cref="DaysInstalledBeforeCreation"/> days
    /// before the meter was created.</summary>
    public DateTime InstalledAt { get; }

    /// <summary>The meter's clock in Japan local time.</summary>
    public DateTime Now => JapanTime.Now(time);

    /// <summary>The day (0 = today, up to 99 days ago) that 0xE2/0xE4 report, as last set through 0xE5.</summary>
    public int HistoryDay
    {
        get
        {
            lock (sync)
            {
                return historyDay;
            }
        }
    }

    /// <summary>The raw import register (0xE0, 0.1 kWh units, six digits) the meter shows at a Japan local time.</summary>
    public uint ImportRegisterAt(DateTime japanLocalTime) => Register(japanLocalTime, export: false);

    /// <summary>The raw export register (0xE3); stays 0 unless <see cref="ExportEnabled"/>.</summary>
    public uint ExportRegisterAt(DateTime japanLocalTime) => Register(japanLocalTime, export: true);

    /// <summary>
    /// Answers one ECHONET Lite frame as the meter would, or returns null when the meter stays silent: malformed
    /// frames, frames for other objects, services a meter does not answer (responses, notifications) and SetI that
    /// succeeded.
    /// </summary>
    /// <remarks>
    /// Get and INF_REQ answer Get_Res/INF with one property per requested EPC, or Get_SNA/INF_SNA with PDC 0 for the
    /// EPCs the meter does not have. SetC/SetI accept only 0xE5 (history day 0–99); anything else is refused with
    /// SetC_SNA/SetI_SNA echoing the rejected EDT, as the specification requires.
    /// </remarks>
    public byte[]? Answer(ReadOnlySpan<byte> request)
    {
        if (!EchonetFrame.TryParse(request, out var frame)
            || !frame.Destination.IsSameClass(Self)
            || frame.Destination.Instance is not (0x00 or 0x01))
        {
            return null;
        }

        lock (sync)
        {
            return frame.Service switch
            {
                EchonetService.Get => Read(frame, EchonetService.Get_Res, EchonetService.Get_SNA),
                EchonetService.InfReq => Read(frame, EchonetService.Inf, EchonetService.Inf_SNA),
                EchonetService.SetC => Write(frame, EchonetService.Set_Res, EchonetService.SetC_SNA),
                EchonetService.SetI => Write(frame, null, EchonetService.SetI_SNA),
                _ => null,
            };
        }
    }

    /// <summary>
    /// The INF (0x73) with 0xEA and 0xEB a meter announces after each half-hour boundary, once per boundary; null while
    /// no boundary has passed since the last notification (or since the meter was created).
    /// </summary>
    public byte[]? NextNotification()
    {
        var now = Now;
        lock (sync)
        {
            var boundary = JapanTime.LatestHalfHour(now);
            if (boundary <= lastNotifiedBoundary)
            {
                return null;
            }

            lastNotifiedBoundary = boundary;
            List<(byte, byte[]?)> properties =
            [
                (SmartMeterEpc.FixedTimeNormal, FixedTime(boundary, export: false)),
                (SmartMeterEpc.FixedTimeReverse, FixedTime(boundary, export: true)),
            ];
            return Build(nextTid++, Self, EchonetObject.Controller, EchonetService.Inf, properties);
        }
    }

    /// <summary>
    /// The node profile's instance list notification (INF of 0xD5 listing 0x028801) that meters send once a PANA
    /// session is up.
    /// </summary>
    public byte[] InstanceListNotification()
    {
        lock (sync)
        {
            List<(byte, byte[]?)> properties = [(0xD5, [0x01, Self.ClassGroup, Self.ClassCode, Self.Instance])];
            return Build(nextTid++, EchonetObject.NodeProfile, EchonetObject.NodeProfile, EchonetService.Inf, properties);
        }
    }

    private byte[] Read(EchonetFrame frame, EchonetService complete, EchonetService partial)
    {
        var now = Now;
        double? watts = null;
        var properties = new List<(byte Epc, byte[]? Edt)>(frame.Properties.Count);
        foreach (var property in frame.Properties)
        {
            properties.Add((property.Epc, ReadProperty(property.Epc, now, ref watts)));
        }

        var service = properties.TrueForAll(p => p.Edt is not null) ? complete : partial;
        return Build(frame.Tid, Self, frame.Source, service, properties);
    }

    private byte[]? Write(EchonetFrame frame, EchonetService? complete, EchonetService partial)
    {
        var properties = new List<(byte Epc, byte[]? Edt)>(frame.Properties.Count);
        var accepted = true;
        foreach (var property in frame.Properties)
        {
            if (property.Epc == SmartMeterEpc.HistoryDay && property.Edt.Length == SmartMeterCodec.HistoryDayLength
                && property.Edt[0] <= 99)
            {
                historyDay = property.Edt[0];
                properties.Add((property.Epc, []));
            }
            else
            {
                accepted = false;
                properties.Add((property.Epc, property.Edt.ToArray()));
            }
        }

        if (accepted && complete is null)
        {
            return null;
        }

        return Build(frame.Tid, Self, frame.Source, accepted ? complete!.Value : partial, properties);
    }

    private byte[]? ReadProperty(byte epc, DateTime now, ref double? watts)
    {
        byte[] edt;
        switch (epc)
        {
            case 0x80:
                return [0x30];
            case 0x81:
                return [0x00];
            case 0x82:
                return [0x00, 0x00, (byte)'J', 0x00];
            case 0x88:
                return [0x42];
            case 0x8A:
                return [0xFF, 0xFF, 0xFF];
            case SmartMeterEpc.CurrentTime:
                edt = new byte[SmartMeterCodec.CurrentTimeLength];
                SmartMeterCodec.EncodeCurrentTime(edt, TimeOnly.FromDateTime(now));
                return edt;
            case SmartMeterEpc.CurrentDate:
                edt = new byte[SmartMeterCodec.CurrentDateLength];
                SmartMeterCodec.EncodeCurrentDate(edt, DateOnly.FromDateTime(now));
                return edt;
            case 0x9D:
                return PropertyMap.Encode([0x80, 0x88, SmartMeterEpc.FixedTimeNormal, SmartMeterEpc.FixedTimeReverse]);
            case 0x9E:
                return PropertyMap.Encode([SmartMeterEpc.HistoryDay]);
            case 0x9F:
                return PropertyMap.Encode(GetMap);
            case SmartMeterEpc.Coefficient:
                edt = new byte[SmartMeterCodec.CoefficientLength];
                SmartMeterCodec.EncodeCoefficient(edt, 1);
                return edt;
            case SmartMeterEpc.EffectiveDigits:
                return [EffectiveDigits];
            case SmartMeterEpc.CumulativeNormal or SmartMeterEpc.CumulativeReverse:
                edt = new byte[SmartMeterCodec.CumulativeLength];
                SmartMeterCodec.EncodeCumulative(edt, Register(now, export: epc == SmartMeterEpc.CumulativeReverse));
                return edt;
            case SmartMeterEpc.CumulativeUnit:
                edt = new byte[SmartMeterCodec.UnitLength];
                SmartMeterCodec.EncodeUnit(edt, UnitKilowattHours);
                return edt;
            case SmartMeterEpc.HistoryNormal or SmartMeterEpc.HistoryReverse:
                return History(now, export: epc == SmartMeterEpc.HistoryReverse);
            case SmartMeterEpc.HistoryDay:
                return [(byte)historyDay];
            case SmartMeterEpc.InstantaneousPower:
                watts ??= MeasureWatts(now);
                edt = new byte[SmartMeterCodec.InstantaneousPowerLength];
                SmartMeterCodec.EncodeInstantaneousPower(edt, (int)Math.Round(watts.Value));
                return edt;
            case SmartMeterEpc.InstantaneousCurrent:
                watts ??= MeasureWatts(now);
                edt = new byte[SmartMeterCodec.InstantaneousCurrentLength];
                SmartMeterCodec.EncodeInstantaneousCurrent(
                    edt, watts.Value * RPhaseShare / LineVolts, watts.Value * (1 - RPhaseShare) / LineVolts);
                return edt;
            case SmartMeterEpc.FixedTimeNormal or SmartMeterEpc.FixedTimeReverse:
                return FixedTime(JapanTime.LatestHalfHour(now), export: epc == SmartMeterEpc.FixedTimeReverse);
            default:
                return null;
        }
    }

    private byte[] History(DateTime now, bool export)
    {
        var day = now.Date.AddDays(-historyDay);
        var slots = new uint?[CumulativeHistory.SlotCount];
        for (var slot = 0; slot < slots.Length; slot++)
        {
            var at = day.AddMinutes(30 * slot);
            slots[slot] = at > now || at < InstalledAt ? null : Register(at, export);
        }

        var edt = new byte[SmartMeterCodec.HistoryLength];
        SmartMeterCodec.EncodeHistory(edt, historyDay, slots);
        return edt;
    }

    private byte[] FixedTime(DateTime boundary, bool export)
    {
        var edt = new byte[SmartMeterCodec.FixedTimeCumulativeLength];
        SmartMeterCodec.EncodeFixedTimeCumulative(edt, boundary, Register(boundary, export));
        return edt;
    }

    private uint Register(DateTime at, bool export)
    {
        var start = export ? 0 : initialReading;
        if (at <= InstalledAt)
        {
            return start;
        }

        double kilowattHours = (export, ExportEnabled) switch
        {
            (false, false) => profile.EnergyKilowattHours(InstalledAt, at),
            (true, false) => 0,
            (false, true) => netImport.Value.KilowattHours(InstalledAt, at),
            (true, true) => netExport.Value.KilowattHours(InstalledAt, at),
        };

        var counts = (ulong)Math.Floor(kilowattHours * CountsPerKilowattHour);
        return (uint)((start + counts) % RegisterModulus);
    }

    private double NetWatts(DateTime at) => profile.PowerWatts(at) - (ExportEnabled ? profile.SolarWatts(at) : 0);

    private double MeasureWatts(DateTime at)
    {
        var watts = NetWatts(at);

        // Box–Muller: a real meter's reading wanders by a percent or so plus a few watts as appliances cycle.
        var u1 = 1.0 - noise.NextDouble();
        var u2 = noise.NextDouble();
        var gaussian = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return watts + (gaussian * ((0.01 * Math.Abs(watts)) + 4));
    }

    private static byte[] Build(
        ushort tid, EchonetObject source, EchonetObject destination, EchonetService service, List<(byte Epc, byte[]? Edt)> properties)
    {
        var length = 12;
        foreach (var (_, edt) in properties)
        {
            length += 2 + (edt?.Length ?? 0);
        }

        var buffer = new byte[length];
        var writer = new EchonetFrameWriter(buffer);
        writer.WriteHeader(tid, source, destination, service);
        foreach (var (epc, edt) in properties)
        {
            writer.AddProperty(epc, edt ?? []);
        }

        return buffer[..writer.Complete()];
    }
}
