namespace Aizu.Hardware.Dsmr;

/// <summary>
/// A P1 telegram that passed every check (header, CRC where there is one, every line well formed). Values are exactly
/// what the meter sent, converted to one unit per quantity: energy kWh, power W, voltage V, current A. A value the
/// meter did not send is null.
/// </summary>
public sealed class DsmrTelegram
{
    /// <summary>The header after <c>/</c>, e.g. <c>ISk5\2MT382-1000</c>: manufacturer, baud rate character, model.</summary>
    public required string Identification { get; init; }

    /// <summary>The three-letter manufacturer code at the start of <see cref="Identification"/>, e.g. <c>ISk</c>.</summary>
    public string Manufacturer => Identification[..3];

    /// <summary>The P1 version: 1-3:0.2.8 (<c>42</c>, <c>50</c>) or, on e-MUCS meters, 0-0:96.1.4 (<c>50217</c>).</summary>
    public string? Version { get; init; }

    /// <summary>The CRC after <c>!</c>, checked; null for DSMR 2.2/3 telegrams, which have none.</summary>
    public ushort? Checksum { get; init; }

    /// <summary>When the meter sent the telegram (0-0:1.0.0), by its own clock.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The meter's equipment identifier (0-0:96.1.1), decoded from hexadecimal when it is printable ASCII.</summary>
    public string? EquipmentId { get; init; }

    /// <summary>The tariff the meter is counting on now (0-0:96.14.0): 1 or 2.</summary>
    public int? Tariff { get; init; }

    /// <summary>Energy drawn on tariff 1 (1-0:1.8.1), kWh.</summary>
    public decimal? ImportTariff1 { get; init; }

    /// <summary>Energy drawn on tariff 2 (1-0:1.8.2), kWh.</summary>
    public decimal? ImportTariff2 { get; init; }

    /// <summary>Energy fed back on tariff 1 (1-0:2.8.1), kWh.</summary>
    public decimal? ExportTariff1 { get; init; }

    /// <summary>Energy fed back on tariff 2 (1-0:2.8.2), kWh.</summary>
    public decimal? ExportTariff2 { get; init; }

    /// <summary>Total energy drawn as its own register (1-0:1.8.0, sent by some Luxembourg and German meters), kWh.</summary>
    public decimal? ImportTotalRegister { get; init; }

    /// <summary>Total energy fed back as its own register (1-0:2.8.0), kWh.</summary>
    public decimal? ExportTotalRegister { get; init; }

    /// <summary>Instantaneous power drawn, all phases (1-0:1.7.0), W.</summary>
    public decimal? PowerImport { get; init; }

    /// <summary>Instantaneous power fed back, all phases (1-0:2.7.0), W.</summary>
    public decimal? PowerExport { get; init; }

    /// <summary>Phase L1.</summary>
    public DsmrPhase L1 { get; init; } = new(null, null, null, null);

    /// <summary>Phase L2.</summary>
    public DsmrPhase L2 { get; init; } = new(null, null, null, null);

    /// <summary>Phase L3.</summary>
    public DsmrPhase L3 { get; init; } = new(null, null, null, null);

    /// <summary>Average import of the running quarter hour (e-MUCS 1-0:1.4.0), W.</summary>
    public decimal? AverageDemand { get; init; }

    /// <summary>The month's highest quarter-hour import so far (e-MUCS 1-0:1.6.0).</summary>
    public PeakDemand? MonthPeak { get; init; }

    /// <summary>Number of power failures in any phase (0-0:96.7.21).</summary>
    public int? PowerFailures { get; init; }

    /// <summary>Number of long power failures in any phase (0-0:96.7.9).</summary>
    public int? LongPowerFailures { get; init; }

    /// <summary>The long power failure log (1-0:99.97.0), oldest first as the meter sends it.</summary>
    public IReadOnlyList<PowerFailure> PowerFailureLog { get; init; } = [];

    /// <summary>Gas, water and heat meters on the M-Bus, one entry per value object.</summary>
    public IReadOnlyList<MBusValue> MBus { get; init; } = [];

    /// <summary>Lines or objects skipped because the parser did not understand them (see <see cref="DsmrReadout.SkippedObjects"/>).</summary>
    public IReadOnlyList<string> SkippedObjects { get; init; } = [];

    /// <summary>Every object of the telegram in order, including those the gateway does not interpret.</summary>
    public IReadOnlyList<CosemObject> Objects { get; init; } = [];

    /// <summary>Total energy drawn, kWh: the total register if sent, otherwise the sum of the tariff registers.</summary>
    public decimal? ImportEnergy => ImportTotalRegister ?? Sum(ImportTariff1, ImportTariff2);

    /// <summary>Total energy fed back, kWh: the total register if sent, otherwise the sum of the tariff registers.</summary>
    public decimal? ExportEnergy => ExportTotalRegister ?? Sum(ExportTariff1, ExportTariff2);

    /// <summary>Power drawn minus power fed back, W; null when the meter sent neither.</summary>
    public decimal? NetPower => PowerImport is null && PowerExport is null ? null : (PowerImport ?? 0) - (PowerExport ?? 0);

    private static decimal? Sum(decimal? a, decimal? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
