using Aizu.Hardware.Serial.Meters;
using Aizu.Readings;

namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Turns accepted telegrams into readings, thinned to the configured intervals: a DSMR 5 meter sends every second,
/// but instantaneous values are stored every <see cref="DsmrOptions.PowerInterval"/> and registers every
/// <see cref="DsmrOptions.EnergyInterval"/>. Gas, water and the monthly peak are stored when they change, stamped with
/// their own time.
/// </summary>
internal sealed class DsmrReadingMapper : IReadingMapper<DsmrReadout>
{
    /// <summary>A system clock before this has not been set (a Pi without RTC boots at 1970).</summary>
    private static readonly DateTimeOffset EarliestTrustedTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly DsmrOptions _options;
    private readonly Dictionary<int, DateTimeOffset> _mbusCaptured = [];
    private DateTimeOffset _nextPower = DateTimeOffset.MinValue;
    private DateTimeOffset _nextEnergy = DateTimeOffset.MinValue;
    private (DateTimeOffset At, decimal Watts)? _lastPeak;

    public DsmrReadingMapper(DsmrOptions options) => _options = options;

    /// <summary>Adds the readings <paramref name="telegram"/> is due for; false when there is no trusted time to stamp them with.</summary>
    public bool Map(DsmrReadout telegram, DateTimeOffset now, List<Reading> output)
    {
        DateTimeOffset stamp;
        if (now >= EarliestTrustedTime)
        {
            stamp = now;
        }
        else if (telegram.Timestamp is { } meterTime && meterTime >= EarliestTrustedTime)
        {
            // The meter's clock is synchronised by the grid operator; better than a Pi that booted at 1970.
            stamp = meterTime;
            now = meterTime;
        }
        else
        {
            return false;
        }

        if (now >= _nextPower)
        {
            _nextPower = now + _options.PowerInterval;
            Add(output, SeriesNames.ElectricPower, stamp, telegram.NetPower, Units.Watt);
            AddPhase(output, stamp, telegram, 0, SeriesNames.ElectricVoltagePhaseOne, SeriesNames.ElectricCurrentPhaseOne, SeriesNames.ElectricPowerPhaseOne);
            AddPhase(output, stamp, telegram, 1, SeriesNames.ElectricVoltagePhaseTwo, SeriesNames.ElectricCurrentPhaseTwo, SeriesNames.ElectricPowerPhaseTwo);
            AddPhase(output, stamp, telegram, 2, SeriesNames.ElectricVoltagePhaseThree, SeriesNames.ElectricCurrentPhaseThree, SeriesNames.ElectricPowerPhaseThree);
            Add(output, SeriesNames.ElectricDemandAverage, stamp, telegram.AverageDemand, Units.Watt);
        }

        if (now >= _nextEnergy)
        {
            _nextEnergy = now + _options.EnergyInterval;
            Add(output, SeriesNames.ElectricImportEnergy, stamp, telegram.ImportEnergy, Units.KilowattHour);
            Add(output, SeriesNames.ElectricExportEnergy, stamp, telegram.ExportEnergy, Units.KilowattHour);
            Add(output, SeriesNames.ElectricImportEnergyTariffOne, stamp, telegram.ImportTariff1, Units.KilowattHour);
            Add(output, SeriesNames.ElectricImportEnergyTariffTwo, stamp, telegram.ImportTariff2, Units.KilowattHour);
            Add(output, SeriesNames.ElectricExportEnergyTariffOne, stamp, telegram.ExportTariff1, Units.KilowattHour);
            Add(output, SeriesNames.ElectricExportEnergyTariffTwo, stamp, telegram.ExportTariff2, Units.KilowattHour);
        }

        if (telegram.PeakAt is { } peakAt && telegram.PeakWatts is { } peakWatts && _lastPeak != (peakAt, peakWatts))
        {
            _lastPeak = (peakAt, peakWatts);
            Add(output, SeriesNames.ElectricDemandPeak, peakAt, peakWatts, Units.Watt);
        }

        for (int i = 0; i < telegram.MBusCount; i++)
        {
            int channel = telegram.MBusChannel[i];
            string? series = telegram.MBusMediums[i] switch
            {
                MBusMedium.Gas => SeriesNames.GasVolume,
                MBusMedium.Water => SeriesNames.WaterVolume,
                _ => null,
            };

            // An empty channel sends an impossible date or no unit; a value is new only when the device measured again.
            if (series is null || telegram.MBusCapturedAt[i] is not { } captured || !string.Equals(telegram.MBusUnit[i], "m3", StringComparison.OrdinalIgnoreCase)
                || (_mbusCaptured.TryGetValue(channel, out var last) && last == captured))
            {
                continue;
            }

            _mbusCaptured[channel] = captured;
            Add(output, series, captured, telegram.MBusValues[i], Units.CubicMetre);
        }

        return true;
    }

    private static void AddPhase(List<Reading> output, DateTimeOffset stamp, DsmrReadout telegram, int phase, string voltage, string current, string power)
    {
        Add(output, voltage, stamp, telegram.PhaseVoltage(phase), Units.Volt);
        Add(output, current, stamp, telegram.PhaseCurrent(phase), Units.Ampere);
        Add(output, power, stamp, telegram.PhaseNetPower(phase), Units.Watt);
    }

    private static void Add(List<Reading> output, string series, DateTimeOffset stamp, decimal? value, string unit)
    {
        if (value is { } v)
        {
            output.Add(new Reading(series, stamp, (double)v, unit));
        }
    }
}
