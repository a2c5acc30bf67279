namespace Aizu.Hardware.EchonetLite.Description;

/// <summary>
/// The decoded value of an EDT, as text appended to its property line: " = 504 W", or " (invalid: ...)" when the EDT
/// cannot be that property. Null when the EPC's value is not decoded, so the line shows the hexadecimal EDT only.
/// </summary>
internal static class PropertyValues
{
    private const byte InstanceListNotification = 0xD5;
    private const byte SelfNodeInstanceList = 0xD6;
    private const int EojLength = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string? Describe(EchonetObject owner, byte epc, ReadOnlySpan<byte> edt, EnergyScale energy)
    {
        try
        {
            string? value = epc == SmartMeterEpc.OperationStatus
                ? DescribeOperationStatus(edt)
                : owner.IsSameClass(EchonetObject.SmartElectricEnergyMeter)
                    ? DescribeMeter(epc, edt, energy)
                    : owner.IsSameClass(EchonetObject.NodeProfile)
                        ? DescribeNodeProfile(epc, edt)
                        : null;
            return value is null ? null : " = " + value;
        }
        catch (EchonetLiteFormatException exception)
        {
            return " (invalid: " + exception.Message + ")";
        }
    }

    private static string? DescribeMeter(byte epc, ReadOnlySpan<byte> edt, EnergyScale energy) => epc switch
    {
        SmartMeterEpc.InstantaneousPower => InstantaneousPower(edt),
        SmartMeterEpc.InstantaneousCurrent => InstantaneousCurrent(edt),
        SmartMeterEpc.CumulativeNormal or SmartMeterEpc.CumulativeReverse => Cumulative(edt, energy),
        SmartMeterEpc.CumulativeUnit =>
            string.Create(Invariant, $"{SmartMeterCodec.DecodeUnitKilowattHours(edt)} kWh"),
        SmartMeterEpc.Coefficient => SmartMeterCodec.DecodeCoefficient(edt).ToString(Invariant),
        SmartMeterEpc.EffectiveDigits => EffectiveDigits(edt),
        SmartMeterEpc.HistoryNormal or SmartMeterEpc.HistoryReverse => History(edt),
        SmartMeterEpc.HistoryDay => DaysAgo(SmartMeterCodec.DecodeHistoryDay(edt)),
        SmartMeterEpc.FixedTimeNormal or SmartMeterEpc.FixedTimeReverse => FixedTime(edt, energy),
        SmartMeterEpc.CurrentTime => SmartMeterCodec.DecodeCurrentTime(edt).ToString("HH:mm", Invariant),
        SmartMeterEpc.CurrentDate => SmartMeterCodec.DecodeCurrentDate(edt).ToString("yyyy-MM-dd", Invariant),
        _ => null,
    };

    private static string? DescribeNodeProfile(byte epc, ReadOnlySpan<byte> edt) => epc switch
    {
        InstanceListNotification or SelfNodeInstanceList => InstanceList(epc, edt),
        _ => null,
    };

    private static string DescribeOperationStatus(ReadOnlySpan<byte> edt)
    {
        RequireLength(edt, 1, SmartMeterEpc.OperationStatus);
        return edt[0] switch
        {
            0x30 => "ON",
            0x31 => "OFF",
            _ => string.Create(Invariant, $"0x{edt[0]:X2} (neither ON 0x30 nor OFF 0x31)"),
        };
    }

    private static string InstantaneousPower(ReadOnlySpan<byte> edt)
    {
        if (SmartMeterCodec.TryDecodeInstantaneousPower(edt, out int watts))
        {
            return string.Create(Invariant, $"{watts} W");
        }

        return BinaryPrimitives.ReadInt32BigEndian(edt) switch
        {
            SmartMeterCodec.NoDataPower => "no data",
            SmartMeterCodec.OverflowPower => "overflow (above the measurable range)",
            _ => "underflow (below the measurable range)",
        };
    }

    private static string InstantaneousCurrent(ReadOnlySpan<byte> edt)
    {
        bool hasReading = SmartMeterCodec.TryDecodeInstantaneousCurrent(edt, out var current);
        short r = BinaryPrimitives.ReadInt16BigEndian(edt);
        short t = BinaryPrimitives.ReadInt16BigEndian(edt[2..]);

        string rText = hasReading ? Amperes(current.RPhaseAmperes) : CurrentSentinel(r);
        string tText = current.TPhaseAmperes is { } tAmperes
            ? Amperes(tAmperes)
            : IsCurrentSentinel(t) ? CurrentSentinel(t) : Amperes(t / 10.0);
        return $"R {rText}, T {tText}";
    }

    private static string Cumulative(ReadOnlySpan<byte> edt, EnergyScale energy)
    {
        if (SmartMeterCodec.TryDecodeCumulative(edt, out uint raw))
        {
            return string.Create(Invariant, $"{raw}{energy.KilowattHoursSuffix(raw)}");
        }

        return CumulativeSentinel(BinaryPrimitives.ReadUInt32BigEndian(edt));
    }

    private static string EffectiveDigits(ReadOnlySpan<byte> edt)
    {
        int digits = SmartMeterCodec.DecodeEffectiveDigits(edt);
        int largest = 9;
        for (int i = 1; i < digits; i++)
        {
            largest = (largest * 10) + 9;
        }

        return string.Create(Invariant, $"{digits} digits (counts up to {largest}, then 0)");
    }

    private static string History(ReadOnlySpan<byte> edt)
    {
        var history = SmartMeterCodec.DecodeHistory(edt);
        int first = -1;
        int last = -1;
        int withData = 0;
        for (int i = 0; i < history.Slots.Count; i++)
        {
            if (history.Slots[i] is null)
            {
                continue;
            }

            withData++;
            last = i;
            if (first < 0)
            {
                first = i;
            }
        }

        var text = new StringBuilder();
        text.Append(Invariant,
            $"{DaysAgo(history.DaysAgo)}, {withData} of {CumulativeHistory.SlotCount} half-hour slots with data");
        if (withData > 0)
        {
            text.Append(Invariant, $", first {Slot(history, first)}");
            if (last != first)
            {
                text.Append(Invariant, $", last {Slot(history, last)}");
            }
        }

        return text.ToString();
    }

    private static string FixedTime(ReadOnlySpan<byte> edt, EnergyScale energy)
    {
        // A "no data" count still comes with a valid time, which the codec checks before the count.
        bool hasReading = SmartMeterCodec.TryDecodeFixedTimeCumulative(edt, out var reading);
        var time = new DateTime(
            BinaryPrimitives.ReadUInt16BigEndian(edt), edt[2], edt[3], edt[4], edt[5], edt[6], DateTimeKind.Unspecified);
        string count = hasReading
            ? string.Create(Invariant, $"{reading.Raw}{energy.KilowattHoursSuffix(reading.Raw)}")
            : CumulativeSentinel(BinaryPrimitives.ReadUInt32BigEndian(edt[7..]));
        return string.Create(Invariant, $"{count} at {time:yyyy-MM-dd HH:mm:ss} (meter time)");
    }

    private static string InstanceList(byte epc, ReadOnlySpan<byte> edt)
    {
        int count = edt[0];
        int expected = 1 + (count * EojLength);
        if (edt.Length != expected)
        {
            throw new EchonetLiteFormatException(string.Create(Invariant,
                $"PDC {edt.Length} for EPC 0x{epc:X2} does not fit {count} instance(s), which take {expected} byte(s)"));
        }

        var text = new StringBuilder();
        text.Append(Invariant, $"{count} {(count == 1 ? "instance" : "instances")}");
        for (int i = 0; i < count; i++)
        {
            var eoj = new EchonetObject(edt[1 + (i * EojLength)], edt[2 + (i * EojLength)], edt[3 + (i * EojLength)]);
            text.Append(i == 0 ? ": " : "; ").Append(ObjectNames.Describe(eoj));
        }

        return text.ToString();
    }

    private static string Slot(CumulativeHistory history, int index) =>
        string.Create(Invariant, $"at {CumulativeHistory.SlotTime(index):HH:mm}: {history.Slots[index]}");

    private static string DaysAgo(int days) => days switch
    {
        0 => "today",
        1 => "1 day ago",
        _ => string.Create(Invariant, $"{days} days ago"),
    };

    private static string Amperes(double amperes) => amperes.ToString("0.0", Invariant) + " A";

    private static bool IsCurrentSentinel(short value) =>
        value is SmartMeterCodec.NoDataCurrent or SmartMeterCodec.OverflowCurrent or SmartMeterCodec.UnderflowCurrent;

    private static string CurrentSentinel(short value) => value switch
    {
        SmartMeterCodec.NoDataCurrent => "no data",
        SmartMeterCodec.OverflowCurrent => "overflow",
        _ => "underflow",
    };

    private static string CumulativeSentinel(uint raw) => raw == SmartMeterCodec.NoDataCumulative
        ? "no data"
        : string.Create(Invariant, $"no reading (0x{raw:X8} is more than 8 digits)");

    private static void RequireLength(ReadOnlySpan<byte> edt, int expected, byte epc)
    {
        if (edt.Length != expected)
        {
            throw new EchonetLiteFormatException(string.Create(Invariant,
                $"PDC {edt.Length} for EPC 0x{epc:X2} is wrong; its EDT is {expected} byte(s)"));
        }
    }
}
