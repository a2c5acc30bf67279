namespace Aizu.Hardware.Sml;

/// <summary>
/// Turns accepted SML files into readings, thinned to the configured intervals. Registers must be in Wh and power in W
/// (DLMS units 30 and 27). The household's power comes from whichever power object the meter sends
/// (<see cref="SmlActivePower"/>). A value that cannot be used (another unit, a scaler that overflows, a type that
/// cannot be read) is left out and reported to the serial meter loop, which counts and logs it; the frame's other
/// values are still stored.
/// </summary>
internal sealed class SmlReadingMapper : IReadingMapper<SmlFile>
{
    /// <summary>A system clock before this has not been set (a Pi without RTC boots at 1970).</summary>
    private static readonly DateTimeOffset EarliestTrustedTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SmlOptions _options;
    private DateTimeOffset _nextPower = DateTimeOffset.MinValue;
    private DateTimeOffset _nextEnergy = DateTimeOffset.MinValue;

    public SmlReadingMapper(SmlOptions options) => _options = options;

    /// <summary>Adds the readings the file is due for and the values it had to leave out; false when there is no
    /// trusted time to stamp them with.</summary>
    public bool Map(SmlFile file, DateTimeOffset now, List<Reading> output, List<SkippedValue> skipped)
    {
        if (now < EarliestTrustedTime)
        {
            // SML meters mostly send a second index, not a calendar time; use a real timestamp if there is one.
            var sensor = file.Messages.Select(m => m.Body).OfType<SmlGetListResponse>().Select(g => g.SensorTime?.Instant).FirstOrDefault(t => t is not null);
            if (sensor is not { } meterTime || meterTime < EarliestTrustedTime)
            {
                return false;
            }

            now = meterTime;
        }

        bool power = now >= _nextPower;
        bool energy = now >= _nextEnergy;
        if (power)
        {
            _nextPower = now + _options.PowerInterval;
        }

        if (energy)
        {
            _nextEnergy = now + _options.EnergyInterval;
        }

        foreach (var entry in file.Entries)
        {
            if (entry.Obis is not { A: 1, B: 0 } obis)
            {
                continue;
            }

            var (series, unit, isEnergy) = (obis.C, obis.D, obis.E) switch
            {
                (1, 8, 0) => (SeriesNames.ElectricImportEnergy, SmlUnits.WattHour, true),
                (2, 8, 0) => (SeriesNames.ElectricExportEnergy, SmlUnits.WattHour, true),
                (1, 8, 1) => (SeriesNames.ElectricImportEnergyTariffOne, SmlUnits.WattHour, true),
                (1, 8, 2) => (SeriesNames.ElectricImportEnergyTariffTwo, SmlUnits.WattHour, true),
                (2, 8, 1) => (SeriesNames.ElectricExportEnergyTariffOne, SmlUnits.WattHour, true),
                (2, 8, 2) => (SeriesNames.ElectricExportEnergyTariffTwo, SmlUnits.WattHour, true),
                (36, 7, 0) => (SeriesNames.ElectricPowerPhaseOne, SmlUnits.Watt, false),
                (56, 7, 0) => (SeriesNames.ElectricPowerPhaseTwo, SmlUnits.Watt, false),
                (76, 7, 0) => (SeriesNames.ElectricPowerPhaseThree, SmlUnits.Watt, false),
                (32, 7, 0) => (SeriesNames.ElectricVoltagePhaseOne, SmlUnits.Volt, false),
                (52, 7, 0) => (SeriesNames.ElectricVoltagePhaseTwo, SmlUnits.Volt, false),
                (72, 7, 0) => (SeriesNames.ElectricVoltagePhaseThree, SmlUnits.Volt, false),
                (31, 7, 0) => (SeriesNames.ElectricCurrentPhaseOne, SmlUnits.Ampere, false),
                (51, 7, 0) => (SeriesNames.ElectricCurrentPhaseTwo, SmlUnits.Ampere, false),
                (71, 7, 0) => (SeriesNames.ElectricCurrentPhaseThree, SmlUnits.Ampere, false),
                (16 or 15 or 1 or 2, 7, _) => (SeriesNames.ElectricPower, SmlUnits.Watt, false),
                _ => (null, (byte)0, false),
            };
            if (series is null)
            {
                continue;
            }

            // A value that cannot be used (its scaler overflows, its type is unreadable) is skipped, not the frame.
            if (entry.ScaledValue is not { } value)
            {
                skipped.Add(new SkippedValue(obis.ToString(), entry.Value.Kind switch
                {
                    SmlValueKind.Unsupported => "its type cannot be read.",
                    _ when entry.Value.Number is not null => $"{entry.Value} × 10^{entry.Scaler} does not fit a number.",
                    _ => "its value is not a number.",
                }));
                continue;
            }

            if (!(isEnergy ? energy : power))
            {
                continue;
            }

            if (entry.Unit != unit)
            {
                skipped.Add(new SkippedValue(obis.ToString(), $"the meter sends it in {(entry.Unit is { } u ? SmlUnits.Symbol(u) : "no unit")} rather than {SmlUnits.Symbol(unit)}."));
                continue;
            }

            // The whole-meter power comes from SmlActivePower below, whichever object the meter uses for it.
            if (series == SeriesNames.ElectricPower)
            {
                continue;
            }

            output.Add(isEnergy
                ? new Reading(series, now, (double)(value / 1000m), Units.KilowattHour)
                : new Reading(series, now, (double)value, unit switch { SmlUnits.Volt => Units.Volt, SmlUnits.Ampere => Units.Ampere, _ => Units.Watt }));
        }

        if (power && SmlActivePower.Select(file.Entries) is { } net)
        {
            output.Add(new Reading(SeriesNames.ElectricPower, now, (double)net.Watts, Units.Watt));
        }

        return true;
    }
}
