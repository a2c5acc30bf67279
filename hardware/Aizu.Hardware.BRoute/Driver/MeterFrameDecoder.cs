namespace Aizu.Hardware.BRoute;

/// <summary>Turns the smart meter's properties into <see cref="Reading"/>s. Sentinels ("no data") produce nothing.</summary>
internal static class MeterFrameDecoder
{
    /// <summary>
    /// Decodes every known property of <paramref name="properties"/> into <paramref name="readings"/>.
    /// Energy properties need <paramref name="register"/> (unit, coefficient); without it they are skipped.
    /// </summary>
    /// <param name="skipped">Told of every property left out because its value could not be read (EPC and why).</param>
    public static void Decode(PropertyList properties, DateTimeOffset timestamp, EnergyRegister? register, List<Reading> readings, Action<byte, string>? skipped = null)
    {
        foreach (var property in properties)
        {
            if (property.Edt.IsEmpty)
            {
                // PDC 0 in a Get_SNA: the meter does not support this property.
                continue;
            }

            int before = readings.Count;
            try
            {
                DecodeOne(property.Epc, property.Edt, timestamp, register, readings);
            }
            catch (EchonetLiteFormatException exception)
            {
                // One property of an odd length or an impossible value is skipped; the answer's other properties are
                // still used and the session goes on (a lost session costs a re-join of a minute or more).
                readings.RemoveRange(before, readings.Count - before);
                skipped?.Invoke(property.Epc, exception.Message);
            }
        }
    }

    private static void DecodeOne(byte epc, ReadOnlySpan<byte> edt, DateTimeOffset timestamp, EnergyRegister? register, List<Reading> readings)
    {
        switch (epc)
        {
            case SmartMeterEpc.InstantaneousPower:
                readings.Add(new Reading(SeriesNames.ElectricPower, timestamp, SmartMeterCodec.TryDecodeInstantaneousPower(edt, out int watts) ? watts : throw NoValue(edt), Units.Watt));
                break;
            case SmartMeterEpc.InstantaneousCurrent:
                if (!SmartMeterCodec.TryDecodeInstantaneousCurrent(edt, out var current))
                {
                    throw NoValue(edt);
                }

                readings.Add(new Reading(SeriesNames.ElectricCurrentR, timestamp, current.RPhaseAmperes, Units.Ampere));
                if (current.TPhaseAmperes is { } t)
                {
                    readings.Add(new Reading(SeriesNames.ElectricCurrentT, timestamp, t, Units.Ampere));
                }

                break;
            case SmartMeterEpc.CumulativeNormal when register is { } r:
                readings.Add(Energy(SeriesNames.ElectricImportEnergy, timestamp, r, Cumulative(edt), ReadingQuality.Good));
                break;
            case SmartMeterEpc.CumulativeReverse when register is { } r:
                readings.Add(Energy(SeriesNames.ElectricExportEnergy, timestamp, r, Cumulative(edt), ReadingQuality.Good));
                break;
            case SmartMeterEpc.FixedTimeNormal when register is { } r && SmartMeterCodec.TryDecodeFixedTimeCumulative(edt, out var fixedTime):
                readings.Add(Energy(SeriesNames.ElectricImportEnergy, MeterClock.FromMeterLocal(fixedTime.MeterLocalTime), r, fixedTime.Raw, ReadingQuality.Good));
                break;
            case SmartMeterEpc.FixedTimeReverse when register is { } r && SmartMeterCodec.TryDecodeFixedTimeCumulative(edt, out var fixedTime):
                readings.Add(Energy(SeriesNames.ElectricExportEnergy, MeterClock.FromMeterLocal(fixedTime.MeterLocalTime), r, fixedTime.Raw, ReadingQuality.Good));
                break;
            case SmartMeterEpc.HistoryNormal when register is { } r:
                AddHistory(SeriesNames.ElectricImportEnergy, SmartMeterCodec.DecodeHistory(edt), timestamp, r, readings);
                break;
            case SmartMeterEpc.HistoryReverse when register is { } r:
                AddHistory(SeriesNames.ElectricExportEnergy, SmartMeterCodec.DecodeHistory(edt), timestamp, r, readings);
                break;
            default:
                break;
        }
    }

    /// <summary>The energy register from an answer to 0xE1, 0xD3 and 0xD7: unit (0.1 kWh unless sent), coefficient (1
    /// unless sent) and effective digits (8 unless sent); a meter without the optional ones answers them with PDC 0.</summary>
    public static EnergyRegister Register(PropertyList properties)
    {
        var unit = 0.1m;
        uint coefficient = 1;
        int digits = 8;
        foreach (var property in properties)
        {
            if (property.Edt.IsEmpty)
            {
                continue;
            }

            switch (property.Epc)
            {
                case SmartMeterEpc.CumulativeUnit:
                    unit = SmartMeterCodec.DecodeUnitKilowattHours(property.Edt);
                    break;
                case SmartMeterEpc.Coefficient:
                    coefficient = SmartMeterCodec.DecodeCoefficient(property.Edt);
                    break;
                case SmartMeterEpc.EffectiveDigits:
                    digits = SmartMeterCodec.DecodeEffectiveDigits(property.Edt);
                    break;
                default:
                    break;
            }
        }

        return new EnergyRegister(coefficient, unit, digits);
    }

    /// <summary>The meter's own date and time (0x98 + 0x97), when the frame carries both and they are a real time.</summary>
    public static DateTimeOffset? MeterTime(PropertyList properties)
    {
        if (properties.TryFind(SmartMeterEpc.CurrentDate, out var date) && date.Length == SmartMeterCodec.CurrentDateLength
            && properties.TryFind(SmartMeterEpc.CurrentTime, out var time) && time.Length == SmartMeterCodec.CurrentTimeLength)
        {
            try
            {
                var local = SmartMeterCodec.DecodeCurrentDate(date).ToDateTime(SmartMeterCodec.DecodeCurrentTime(time));
                return MeterClock.FromMeterLocal(local);
            }
            catch (Exception ex) when (ex is EchonetLiteFormatException or ArgumentOutOfRangeException)
            {
                // Month 13 or hour 25: no time to stamp with, as if the meter had not sent one.
                return null;
            }
        }

        return null;
    }

    // A polled value the meter answers with its "no data", overflow or underflow code, or a register beyond its
    // eight digits, is no reading; said (once per property) rather than dropped silently, as a meter that sends it in
    // every answer would otherwise leave the panel without that value and nobody told why.
    private static EchonetLiteFormatException NoValue(ReadOnlySpan<byte> edt) =>
        new($"the meter sent 0x{Convert.ToHexString(edt)}, a code for no value (no data, overflow or underflow) or a number beyond its digits");

    private static uint Cumulative(ReadOnlySpan<byte> edt) => SmartMeterCodec.TryDecodeCumulative(edt, out uint raw) ? raw : throw NoValue(edt);

    private static Reading Energy(string series, DateTimeOffset timestamp, EnergyRegister register, uint raw, ReadingQuality quality) =>
        new(series, timestamp, (double)register.ToKilowattHours(raw), Units.KilowattHour, quality);

    private static void AddHistory(string series, CumulativeHistory history, DateTimeOffset now, EnergyRegister register, List<Reading> readings)
    {
        // Slot times are the meter's wall clock on "today minus DaysAgo"; slots not yet reached
        // hold "no data" and were dropped by the codec.
        var meterToday = DateOnly.FromDateTime(now.ToOffset(MeterClock.JapanOffset).DateTime);
        var day = meterToday.AddDays(-history.DaysAgo);
        for (int i = 0; i < history.Slots.Count; i++)
        {
            if (history.Slots[i] is not { } raw)
            {
                continue;
            }

            var at = MeterClock.FromMeterLocal(day.ToDateTime(CumulativeHistory.SlotTime(i)));
            if (at <= now)
            {
                readings.Add(Energy(series, at, register, raw, ReadingQuality.Backfilled));
            }
        }
    }
}
