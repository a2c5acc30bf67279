namespace Aizu.Hardware.Dsmr;

/// <summary>
/// The interpreted values of one accepted telegram, filled by
/// <see cref="DsmrTelegramParser.TryParse(ReadOnlySpan{byte}, DsmrParseOptions?, DsmrReadout, out DsmrError)"/> without
/// allocating: the driver keeps one and reuses it for every telegram. Units as in <see cref="DsmrTelegram"/>; a value
/// the meter did not send is null. After a rejected telegram every value is null again, so nothing of it is used.
/// </summary>
/// <remarks>Not thread-safe; one per reader. <see cref="ToTelegram"/> makes an immutable copy.</remarks>
public sealed class DsmrReadout
{
    /// <summary>M-Bus values one telegram can hold: four channels × three value objects (a second one of a kind is refused).</summary>
    internal const int MBusCapacity = 12;

    // Every skip is kept (a telegram's size bounds them): the driver counts each one.
    private readonly List<string> _skipped = [];
    private readonly List<string> _skippedKinds = [];

#pragma warning disable SA1401, CA1051 // Written by reference by the interpreter; not part of the public surface.
    internal readonly decimal?[] Registers = new decimal?[6];
    internal readonly decimal?[] PhaseImport = new decimal?[3];
    internal readonly decimal?[] PhaseExport = new decimal?[3];
    internal readonly decimal?[] Voltage = new decimal?[3];
    internal readonly decimal?[] Current = new decimal?[3];
    internal readonly int?[] DeviceTypes = new int?[5];
    internal readonly List<(DateTimeOffset EndedAt, TimeSpan Duration)> FailureLog = new(16);
    internal readonly int[] MBusChannel = new int[MBusCapacity];
    internal readonly DateTimeOffset?[] MBusCapturedAt = new DateTimeOffset?[MBusCapacity];
    internal readonly decimal[] MBusValues = new decimal[MBusCapacity];
    internal readonly ObisCode[] MBusObis = new ObisCode[MBusCapacity];
    internal readonly MBusMedium[] MBusMediums = new MBusMedium[MBusCapacity];
    internal readonly string[] MBusUnit = new string[MBusCapacity];
    internal readonly CachedText[] MBusUnitText = [.. Enumerable.Range(0, MBusCapacity).Select(_ => new CachedText())];
    internal readonly CachedText IdentificationText = new();
    internal readonly CachedText VersionText = new();
    internal readonly CachedText BelgianVersionText = new();
    internal readonly CachedText EquipmentIdText = new(decodeHex: true);
    internal int MBusCount;
    internal string? P1Version;
    internal string? BelgianVersion;
    internal DateTimeOffset? MeterTime;
    internal string? Equipment;
    internal int? TariffNow;
    internal decimal? Import;
    internal decimal? Export;
    internal decimal? Demand;
    internal DateTimeOffset? PeakAt;
    internal decimal? PeakWatts;
    internal int? Failures;
    internal int? LongFailures;
    private ulong _unreadable;
#pragma warning restore SA1401, CA1051

    /// <summary>The header after <c>/</c>, e.g. <c>ISk5\2MT382-1000</c>; the same string instance while the meter sends the same header.</summary>
    public string Identification { get; internal set; } = string.Empty;

    /// <summary>The P1 version (1-3:0.2.8, or e-MUCS 0-0:96.1.4).</summary>
    public string? Version => P1Version ?? BelgianVersion;

    /// <summary>The CRC after <c>!</c>, checked; null for DSMR 2.2/3.</summary>
    public ushort? Checksum { get; internal set; }

    /// <summary>When the meter sent the telegram (0-0:1.0.0), by its own clock.</summary>
    public DateTimeOffset? Timestamp => MeterTime;

    /// <summary>The tariff the meter is counting on now (0-0:96.14.0).</summary>
    public int? Tariff => TariffNow;

    /// <summary>Energy drawn on tariff 1 (1-0:1.8.1), kWh.</summary>
    public decimal? ImportTariff1 => Registers[0];

    /// <summary>Energy drawn on tariff 2 (1-0:1.8.2), kWh.</summary>
    public decimal? ImportTariff2 => Registers[1];

    /// <summary>Energy fed back on tariff 1 (1-0:2.8.1), kWh.</summary>
    public decimal? ExportTariff1 => Registers[2];

    /// <summary>Energy fed back on tariff 2 (1-0:2.8.2), kWh.</summary>
    public decimal? ExportTariff2 => Registers[3];

    /// <summary>Total energy drawn, kWh: the total register (1-0:1.8.0) if sent, otherwise the sum of the tariff registers.</summary>
    public decimal? ImportEnergy => Registers[4] ?? Total(0);

    /// <summary>Total energy fed back, kWh: the total register (1-0:2.8.0) if sent, otherwise the sum of the tariff registers.</summary>
    public decimal? ExportEnergy => Registers[5] ?? Total(2);

    /// <summary>Power drawn minus power fed back, W; null when the meter sent neither.</summary>
    public decimal? NetPower => Import is null && Export is null ? null : (Import ?? 0) - (Export ?? 0);

    /// <summary>Average import of the running quarter hour (e-MUCS 1-0:1.4.0), W.</summary>
    public decimal? AverageDemand => Demand;

    /// <summary>
    /// Objects or lines of an accepted telegram that were skipped because the parser did not understand them (a
    /// value of the wrong form, an odd line, an object sent twice): only in telegrams whose CRC proves they are what the
    /// meter sent. Each says the line and why.
    /// </summary>
    public IReadOnlyList<string> SkippedObjects => _skipped;

    /// <summary>How many objects or lines were skipped (see <see cref="SkippedObjects"/>).</summary>
    public int SkippedCount => _skipped.Count;

    /// <summary>What each of <see cref="SkippedObjects"/> was: its OBIS code, or <c>unreadable line</c> for a line that
    /// is not an object at all.</summary>
    internal IReadOnlyList<string> SkippedKinds => _skippedKinds;

    /// <summary>How many M-Bus values the telegram carried.</summary>
    public int MBusValueCount => MBusCount;

    /// <summary>Voltage of phase <paramref name="phase"/> (0 for L1 … 2 for L3), V.</summary>
    public decimal? PhaseVoltage(int phase) => Voltage[phase];

    /// <summary>Current of phase <paramref name="phase"/> (0 for L1 … 2 for L3), A.</summary>
    public decimal? PhaseCurrent(int phase) => Current[phase];

    /// <summary>Import minus export of phase <paramref name="phase"/> (0 for L1 … 2 for L3), W; null when neither was sent.</summary>
    public decimal? PhaseNetPower(int phase) =>
        PhaseImport[phase] is null && PhaseExport[phase] is null ? null : (PhaseImport[phase] ?? 0) - (PhaseExport[phase] ?? 0);

    /// <summary>An immutable <see cref="DsmrTelegram"/> with these values (allocates; not for the per-telegram path).</summary>
    public DsmrTelegram ToTelegram() => ToTelegram([]);

    internal DsmrTelegram ToTelegram(IReadOnlyList<CosemObject> objects)
    {
        var mbus = new MBusValue[MBusCount];
        for (int i = 0; i < MBusCount; i++)
        {
            mbus[i] = new MBusValue(MBusChannel[i], MBusMediums[i], MBusCapturedAt[i], MBusValues[i], MBusUnit[i], MBusObis[i]);
        }

        return new DsmrTelegram
        {
            Identification = Identification,
            Version = Version,
            Checksum = Checksum,
            Timestamp = MeterTime,
            EquipmentId = Equipment,
            Tariff = TariffNow,
            ImportTariff1 = Registers[0],
            ImportTariff2 = Registers[1],
            ExportTariff1 = Registers[2],
            ExportTariff2 = Registers[3],
            ImportTotalRegister = Registers[4],
            ExportTotalRegister = Registers[5],
            PowerImport = Import,
            PowerExport = Export,
            L1 = Phase(0),
            L2 = Phase(1),
            L3 = Phase(2),
            AverageDemand = Demand,
            MonthPeak = PeakAt is { } at && PeakWatts is { } watts ? new PeakDemand(at, watts) : null,
            PowerFailures = Failures,
            LongPowerFailures = LongFailures,
            PowerFailureLog = [.. FailureLog.Select(f => new PowerFailure(f.EndedAt, f.Duration))],
            MBus = mbus,
            Objects = objects,
            SkippedObjects = [.. _skipped],
        };
    }

    /// <summary>Forgets every value (but keeps the cached strings).</summary>
    internal void Reset()
    {
        Array.Clear(Registers);
        Array.Clear(PhaseImport);
        Array.Clear(PhaseExport);
        Array.Clear(Voltage);
        Array.Clear(Current);
        Array.Clear(DeviceTypes);
        FailureLog.Clear();
        _skipped.Clear();
        _skippedKinds.Clear();
        _unreadable = 0;
        MBusCount = 0;
        Identification = string.Empty;
        Checksum = null;
        P1Version = null;
        BelgianVersion = null;
        MeterTime = null;
        Equipment = null;
        TariffNow = null;
        Import = null;
        Export = null;
        Demand = null;
        PeakAt = null;
        PeakWatts = null;
        Failures = null;
        LongFailures = null;
    }

    /// <summary>Notes an object or line that was skipped.</summary>
    internal void Skip(string kind, string why)
    {
        _skippedKinds.Add(kind);
        _skipped.Add(why);
    }

    /// <summary>Notes that the object <paramref name="known"/> (see <see cref="TelegramInterpreter.Known"/>) was sent but its value could not be read.</summary>
    internal void Unreadable(int known) => _unreadable |= 1UL << known;

    /// <summary>Gives each M-Bus value the medium its channel's device type says.</summary>
    internal void Finish()
    {
        for (int i = 0; i < MBusCount; i++)
        {
            MBusMediums[i] = DeviceTypes[MBusChannel[i]] is { } type
                ? type switch
                {
                    3 => MBusMedium.Gas,
                    4 or 12 => MBusMedium.Heat,
                    7 => MBusMedium.Water,
                    _ => MBusMedium.Other,
                }
                : MBusMedium.Gas;
        }
    }

    private static decimal? Sum(decimal? a, decimal? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    // A meter with one tariff sends one register; one whose tariff register was unreadable has no known total: the
    // other tariff alone would be stored as a total that drops by the lost register's count.
    private decimal? Total(int firstTariff) =>
        (_unreadable & (3UL << firstTariff)) != 0 ? null : Sum(Registers[firstTariff], Registers[firstTariff + 1]);

    private DsmrPhase Phase(int i) => new(Voltage[i], Current[i], PhaseImport[i], PhaseExport[i]);
}
