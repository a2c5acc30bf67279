namespace Aizu.Readings;

/// <summary>
/// Names of the series the gateway knows. A name is category-like (<c>elec.import.power</c>) so
/// that consent categories and storage queries can refer to it without a lookup table.
/// </summary>
public static class SeriesNames
{
    /// <summary>Instantaneous active power at the meter, W; negative means export.</summary>
    public const string ElectricPower = "elec.power";

    /// <summary>Instantaneous current of the R (first) phase, A.</summary>
    public const string ElectricCurrentR = "elec.current.r";

    /// <summary>Instantaneous current of the T (second) phase, A.</summary>
    public const string ElectricCurrentT = "elec.current.t";

    /// <summary>Cumulative energy drawn from the grid (normal direction), kWh, as the meter register shows it.</summary>
    public const string ElectricImportEnergy = "elec.import.energy";

    /// <summary>Cumulative energy fed to the grid (reverse direction), kWh.</summary>
    public const string ElectricExportEnergy = "elec.export.energy";

    // European meters (DSMR P1, SML, S0). Names carry no digits (the category grammar is letters and dots), so
    // tariffs and phases are spelt out: DSMR tariff 1 is the low tariff in the Netherlands but the day tariff in
    // Belgium, so the names keep the meter's numbering rather than guessing "low"/"high".

    /// <summary>Cumulative energy drawn from the grid on the meter's tariff 1 register (OBIS 1-0:1.8.1), kWh.</summary>
    public const string ElectricImportEnergyTariffOne = "elec.import.energy.tariff.one";

    /// <summary>Cumulative energy drawn from the grid on the meter's tariff 2 register (OBIS 1-0:1.8.2), kWh.</summary>
    public const string ElectricImportEnergyTariffTwo = "elec.import.energy.tariff.two";

    /// <summary>Cumulative energy fed to the grid on the meter's tariff 1 register (OBIS 1-0:2.8.1), kWh.</summary>
    public const string ElectricExportEnergyTariffOne = "elec.export.energy.tariff.one";

    /// <summary>Cumulative energy fed to the grid on the meter's tariff 2 register (OBIS 1-0:2.8.2), kWh.</summary>
    public const string ElectricExportEnergyTariffTwo = "elec.export.energy.tariff.two";

    /// <summary>Instantaneous voltage of phase L1, V.</summary>
    public const string ElectricVoltagePhaseOne = "elec.voltage.phase.one";

    /// <summary>Instantaneous voltage of phase L2, V.</summary>
    public const string ElectricVoltagePhaseTwo = "elec.voltage.phase.two";

    /// <summary>Instantaneous voltage of phase L3, V.</summary>
    public const string ElectricVoltagePhaseThree = "elec.voltage.phase.three";

    /// <summary>Instantaneous current of phase L1, A.</summary>
    public const string ElectricCurrentPhaseOne = "elec.current.phase.one";

    /// <summary>Instantaneous current of phase L2, A.</summary>
    public const string ElectricCurrentPhaseTwo = "elec.current.phase.two";

    /// <summary>Instantaneous current of phase L3, A.</summary>
    public const string ElectricCurrentPhaseThree = "elec.current.phase.three";

    /// <summary>Instantaneous active power of phase L1, W; negative means export.</summary>
    public const string ElectricPowerPhaseOne = "elec.power.phase.one";

    /// <summary>Instantaneous active power of phase L2, W; negative means export.</summary>
    public const string ElectricPowerPhaseTwo = "elec.power.phase.two";

    /// <summary>Instantaneous active power of phase L3, W; negative means export.</summary>
    public const string ElectricPowerPhaseThree = "elec.power.phase.three";

    /// <summary>Average import demand of the running quarter hour (Belgian capacity tariff, OBIS 1-0:1.4.0), W.</summary>
    public const string ElectricDemandAverage = "elec.demand.average";

    /// <summary>Highest quarter-hour import demand of the month so far (OBIS 1-0:1.6.0), W, stamped when it occurred.</summary>
    public const string ElectricDemandPeak = "elec.demand.peak";

    /// <summary>Cumulative gas volume of an M-Bus gas meter, m3, stamped with the gas meter's own capture time.</summary>
    public const string GasVolume = "gas.volume";

    /// <summary>Cumulative water volume of an M-Bus water meter, m3, stamped with the water meter's own capture time.</summary>
    public const string WaterVolume = "water.volume";

    /// <summary>Cumulative heat (or cooling) energy of an M-Bus heat meter, kWh, stamped with the heat meter's own capture time.</summary>
    public const string HeatEnergy = "heat.energy";

    /// <summary>
    /// The series of a second (third, …) M-Bus device of one kind behind a meter: <paramref name="series"/> (e.g.
    /// <see cref="GasVolume"/>) followed by <c>.channel.</c> and its M-Bus channel, e.g. <c>gas.volume.channel.2</c>.
    /// The device of that kind on the lowest channel keeps the plain name.
    /// </summary>
    public static string MBusChannel(string series, int channel) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{series}.channel.{channel}");

    /// <summary>Cumulative energy produced by a PV inverter (counted by an S0 pulse output), kWh.</summary>
    public const string PvGenerationEnergy = "pv.generation.energy";

    /// <summary>Instantaneous PV generation (from an S0 pulse output's pulse interval), W.</summary>
    public const string PvGenerationPower = "pv.generation.power";

    /// <summary>
    /// The series of one indoor quantity in one room, e.g. <c>indoor.living.temperature</c>. The room
    /// is a slug (lower-case letters, digits, '-' or '_', starting with a letter, at most 32
    /// characters) so that the name stays one dotted path a consent category can match.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="room"/> is not a valid slug.</exception>
    public static string Indoor(string room, IndoorQuantity quantity)
    {
        if (!IsRoomSlug(room))
        {
            throw new ArgumentException(
                $"Room '{room}' is not a valid slug: use 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter (e.g. living or bedroom-2).",
                nameof(room));
        }

        string suffix = quantity switch
        {
            IndoorQuantity.Temperature => "temperature",
            IndoorQuantity.Humidity => "humidity",
            IndoorQuantity.Pressure => "pressure",
            IndoorQuantity.Co2 => "co2",
            _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Unknown indoor quantity."),
        };
        return $"indoor.{room}.{suffix}";
    }

    /// <summary>Whether <paramref name="room"/> can be used in <see cref="Indoor"/>.</summary>
    public static bool IsRoomSlug(string? room) =>
        room is { Length: >= 1 and <= 32 }
        && char.IsAsciiLetterLower(room[0])
        && room.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
}
