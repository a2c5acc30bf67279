namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Turns accepted telegrams into readings, thinned to the configured intervals: a DSMR 5 meter sends every second,
/// but instantaneous values are stored every <see cref="DsmrOptions.PowerInterval"/> and registers every
/// <see cref="DsmrOptions.EnergyInterval"/>. Gas, water and the monthly peak are stored when they change, stamped with
/// their own time. Objects the parser skipped are handed on to the serial meter loop, which counts and logs them.
/// </summary>
internal sealed class DsmrReadingMapper : IReadingMapper<DsmrReadout>
{
    /// <summary>A system clock before this has not been set (a Pi without RTC boots at 1970).</summary>
    private static readonly DateTimeOffset EarliestTrustedTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // A device's capture time a little ahead of ours is clock drift; far ahead (an empty slot's 2070) is not a reading.
    private static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    private readonly DsmrOptions _options;
    private readonly Dictionary<int, DateTimeOffset> _mbusCaptured = [];
    private readonly Dictionary<int, string> _channelSeries = [];
    private DateTimeOffset _nextPower = DateTimeOffset.MinValue;
    private DateTimeOffset _nextEnergy = DateTimeOffset.MinValue;
    private (DateTimeOffset At, decimal Watts)? _lastPeak;

    public DsmrReadingMapper(DsmrOptions options) => _options = options;

    /// <summary>Adds the readings <paramref name="telegram"/> is due for and the objects the parser skipped; false when
    /// there is no trusted time to stamp them with.</summary>
    public bool Map(DsmrReadout telegram, DateTimeOffset now, List<Reading> output, List<SkippedValue> skipped)
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

        // A peak stamped far ahead of the clock (a meter without a CRC garbled on the line, an unset peak slot) is not a
        // measurement: stored, it would sit decades ahead in the history, as an empty M-Bus slot's 2070 would.
        if (telegram.PeakAt is { } peakAt && peakAt <= now + FutureSlack && telegram.PeakWatts is { } peakWatts && _lastPeak != (peakAt, peakWatts))
        {
            _lastPeak = (peakAt, peakWatts);
            Add(output, SeriesNames.ElectricDemandPeak, peakAt, peakWatts, Units.Watt);
        }

        for (int i = 0; i < telegram.MBusCount; i++)
        {
            MapMBus(telegram, i, now, output);
        }

        for (int i = 0; i < telegram.SkippedCount; i++)
        {
            skipped.Add(new SkippedValue(telegram.SkippedKinds[i], telegram.SkippedObjects[i]));
        }

        return true;
    }

    /// <summary>
    /// Each M-Bus device is its own series: the device of a kind on the lowest channel in the telegram keeps the plain
    /// name (<c>gas.volume</c>), further ones get their channel (<c>gas.volume.channel.2</c>). A value is stored when the
    /// device measured again; an empty slot (no valid capture time, no unit, or a time in the future) never is.
    /// </summary>
    private void MapMBus(DsmrReadout telegram, int i, DateTimeOffset now, List<Reading> output)
    {
        var medium = telegram.MBusMediums[i];
        int channel = telegram.MBusChannel[i];
        string unit = telegram.MBusUnit[i];
        decimal? factor = medium switch
        {
            MBusMedium.Gas or MBusMedium.Water when Is(unit, "m3") => 1m,
            MBusMedium.Heat when Is(unit, "GJ") => 1_000_000m / 3600m,
            MBusMedium.Heat when Is(unit, "kWh") => 1m,
            MBusMedium.Heat when Is(unit, "MWh") => 1000m,
            _ => null,
        };
        if (factor is not { } f || telegram.MBusCapturedAt[i] is not { } captured || captured > now + FutureSlack
            || (_mbusCaptured.TryGetValue(channel, out var last) && last == captured))
        {
            return;
        }

        bool lowest = true;
        for (int j = 0; j < telegram.MBusCount; j++)
        {
            lowest &= telegram.MBusMediums[j] != medium || telegram.MBusChannel[j] >= channel;
        }

        string plain = medium switch
        {
            MBusMedium.Gas => SeriesNames.GasVolume,
            MBusMedium.Water => SeriesNames.WaterVolume,
            _ => SeriesNames.HeatEnergy,
        };
        string series = lowest ? plain : ChannelSeries(medium, channel, plain);
        _mbusCaptured[channel] = captured;
        Add(output, series, captured, telegram.MBusValues[i] * f, medium == MBusMedium.Heat ? Units.KilowattHour : Units.CubicMetre);
    }

    private static bool Is(string unit, string expected) => string.Equals(unit, expected, StringComparison.OrdinalIgnoreCase);

    // Built once per device, so the per-telegram path stays free of allocations.
    private string ChannelSeries(MBusMedium medium, int channel, string plain)
    {
        int key = ((int)medium * 8) + channel;
        if (!_channelSeries.TryGetValue(key, out string? name))
        {
            name = SeriesNames.MBusChannel(plain, channel);
            _channelSeries[key] = name;
        }

        return name;
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
