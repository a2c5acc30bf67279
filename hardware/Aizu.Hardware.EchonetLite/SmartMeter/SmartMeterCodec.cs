namespace Aizu.Hardware.EchonetLite.SmartMeter;

/// <summary>
/// EDT codecs for the low-voltage smart electric energy meter class (0x0288), APPENDIX Detailed Requirements for
/// ECHONET Device objects, Release H and later, 3.3.25.
/// </summary>
/// <remarks>
/// Decoders throw <see cref="EchonetLiteFormatException"/> when the EDT cannot be that property (wrong PDC, a value
/// the specification does not allow). The <c>TryDecode</c> ones return <c>false</c> for the "no data", overflow and
/// underflow codes: those are valid frames without a reading, and must never be stored as one.
/// Encoders exist for the meter simulator; they write into a caller's buffer, return the byte count and treat bad
/// arguments as caller bugs (<see cref="ArgumentException"/>).
/// </remarks>
public static class SmartMeterCodec
{
    /// <summary>0xE0/0xE3/0xE2/0xE4/0xEA/0xEB: the meter has no value.</summary>
    public const uint NoDataCumulative = 0xFFFF_FFFE;

    /// <summary>Largest cumulative count the specification allows (8 digits).</summary>
    public const uint MaxCumulative = 99_999_999;

    /// <summary>0xE7: the meter has no value.</summary>
    public const int NoDataPower = 0x7FFF_FFFE;

    /// <summary>0xE7: above the measurable range.</summary>
    public const int OverflowPower = 0x7FFF_FFFF;

    /// <summary>0xE7: below the measurable range.</summary>
    public const int UnderflowPower = unchecked((int)0x8000_0000);

    /// <summary>0xE8, per phase: no value, and the T phase of a single-phase two-wire meter.</summary>
    public const short NoDataCurrent = 0x7FFE;

    /// <summary>0xE8, per phase: above the measurable range.</summary>
    public const short OverflowCurrent = 0x7FFF;

    /// <summary>0xE8, per phase: below the measurable range.</summary>
    public const short UnderflowCurrent = unchecked((short)0x8000);

    public const int InstantaneousPowerLength = 4;
    public const int InstantaneousCurrentLength = 4;
    public const int CumulativeLength = 4;
    public const int UnitLength = 1;
    public const int CoefficientLength = 4;
    public const int EffectiveDigitsLength = 1;
    public const int FixedTimeCumulativeLength = 11;
    public const int HistoryLength = 2 + (CumulativeHistory.SlotCount * 4);
    public const int HistoryDayLength = 1;
    public const int CurrentDateLength = 4;
    public const int CurrentTimeLength = 2;

    private const uint MaxCoefficient = 999_999;
    private const int MaxEffectiveDigits = 8;
    private const int MaxDaysAgo = 99;

    // -- 0xE7 ------------------------------------------------------------------------------------------------------

    /// <summary>EPC 0xE7: signed watts, negative when power flows back to the grid.</summary>
    public static bool TryDecodeInstantaneousPower(ReadOnlySpan<byte> edt, out int watts)
    {
        RequireLength(edt, InstantaneousPowerLength, "0xE7");
        int value = BinaryPrimitives.ReadInt32BigEndian(edt);
        if (value is NoDataPower or OverflowPower or UnderflowPower)
        {
            watts = 0;
            return false;
        }

        watts = value;
        return true;
    }

    public static int EncodeInstantaneousPower(Span<byte> destination, int watts)
    {
        RequireRoom(destination, InstantaneousPowerLength);
        BinaryPrimitives.WriteInt32BigEndian(destination, watts);
        return InstantaneousPowerLength;
    }

    // -- 0xE8 ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// EPC 0xE8: R then T phase, 0.1 A each. False only when the R phase has no reading; a T phase without one (as on
    /// every single-phase two-wire meter) becomes <c>null</c>.
    /// </summary>
    public static bool TryDecodeInstantaneousCurrent(ReadOnlySpan<byte> edt, out InstantaneousCurrent current)
    {
        RequireLength(edt, InstantaneousCurrentLength, "0xE8");
        short r = BinaryPrimitives.ReadInt16BigEndian(edt);
        short t = BinaryPrimitives.ReadInt16BigEndian(edt[2..]);
        if (IsCurrentSentinel(r))
        {
            current = default;
            return false;
        }

        // Dividing (not multiplying by 0.1) gives the double nearest the decimal value, e.g. exactly 9.8 for 98.
        current = new InstantaneousCurrent(r / 10.0, IsCurrentSentinel(t) ? null : t / 10.0);
        return true;
    }

    /// <summary>Writes R and T in amperes, rounded to 0.1 A; a null T writes the single-phase "no data" code.</summary>
    public static int EncodeInstantaneousCurrent(Span<byte> destination, double rPhaseAmperes, double? tPhaseAmperes)
    {
        RequireRoom(destination, InstantaneousCurrentLength);
        short r = ToDeciAmperes(rPhaseAmperes, nameof(rPhaseAmperes));
        short t = tPhaseAmperes is { } tValue ? ToDeciAmperes(tValue, nameof(tPhaseAmperes)) : NoDataCurrent;
        BinaryPrimitives.WriteInt16BigEndian(destination, r);
        BinaryPrimitives.WriteInt16BigEndian(destination[2..], t);
        return InstantaneousCurrentLength;
    }

    // -- 0xE0 / 0xE3 -----------------------------------------------------------------------------------------------

    /// <summary>EPC 0xE0 or 0xE3: the raw cumulative count, 0 to 99,999,999.</summary>
    public static bool TryDecodeCumulative(ReadOnlySpan<byte> edt, out uint raw)
    {
        RequireLength(edt, CumulativeLength, "0xE0/0xE3");
        uint value = BinaryPrimitives.ReadUInt32BigEndian(edt);
        if (value > MaxCumulative)
        {
            // 0xFFFFFFFE is the defined "no data"; anything else past 8 digits is no reading either.
            raw = 0;
            return false;
        }

        raw = value;
        return true;
    }

    /// <summary>Writes any value, the "no data" code included, so the simulator can play a meter without data.</summary>
    public static int EncodeCumulative(Span<byte> destination, uint raw)
    {
        RequireRoom(destination, CumulativeLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination, raw);
        return CumulativeLength;
    }

    // -- 0xE1 ------------------------------------------------------------------------------------------------------

    /// <summary>EPC 0xE1: kWh per cumulative count.</summary>
    public static decimal DecodeUnitKilowattHours(ReadOnlySpan<byte> edt)
    {
        RequireLength(edt, UnitLength, "0xE1");
        return edt[0] switch
        {
            0x00 => 1m,
            0x01 => 0.1m,
            0x02 => 0.01m,
            0x03 => 0.001m,
            0x04 => 0.0001m,
            0x0A => 10m,
            0x0B => 100m,
            0x0C => 1000m,
            0x0D => 10000m,
            _ => throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"Unit code 0x{edt[0]:X2} for EPC 0xE1 is not defined (0x00-0x04 or 0x0A-0x0D)")),
        };
    }

    public static int EncodeUnit(Span<byte> destination, decimal kilowattHours)
    {
        RequireRoom(destination, UnitLength);
        destination[0] = kilowattHours switch
        {
            1m => 0x00,
            0.1m => 0x01,
            0.01m => 0x02,
            0.001m => 0x03,
            0.0001m => 0x04,
            10m => 0x0A,
            100m => 0x0B,
            1000m => 0x0C,
            10000m => 0x0D,
            _ => throw new ArgumentOutOfRangeException(nameof(kilowattHours), kilowattHours,
                "0xE1 can only express 10^n kWh for n from -4 to 4."),
        };
        return UnitLength;
    }

    // -- 0xD3 ------------------------------------------------------------------------------------------------------

    /// <summary>EPC 0xD3: multiplier applied to cumulative counts, 1 to 999,999.</summary>
    public static uint DecodeCoefficient(ReadOnlySpan<byte> edt)
    {
        RequireLength(edt, CoefficientLength, "0xD3");
        uint value = BinaryPrimitives.ReadUInt32BigEndian(edt);
        if (value is 0 or > MaxCoefficient)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"Coefficient {value} for EPC 0xD3 is outside 1-{MaxCoefficient}"));
        }

        return value;
    }

    public static int EncodeCoefficient(Span<byte> destination, uint coefficient)
    {
        RequireRoom(destination, CoefficientLength);
        if (coefficient is 0 or > MaxCoefficient)
        {
            throw new ArgumentOutOfRangeException(nameof(coefficient), coefficient, "0xD3 allows 1 to 999,999.");
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, coefficient);
        return CoefficientLength;
    }

    // -- 0xD7 ------------------------------------------------------------------------------------------------------

    /// <summary>EPC 0xD7: digits of the cumulative counter, 1 to 8; it rolls over at 10^digits.</summary>
    public static int DecodeEffectiveDigits(ReadOnlySpan<byte> edt)
    {
        RequireLength(edt, EffectiveDigitsLength, "0xD7");
        int value = edt[0];
        if (value is 0 or > MaxEffectiveDigits)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"Effective digits {value} for EPC 0xD7 is outside 1-{MaxEffectiveDigits}"));
        }

        return value;
    }

    public static int EncodeEffectiveDigits(Span<byte> destination, int digits)
    {
        RequireRoom(destination, EffectiveDigitsLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, MaxEffectiveDigits);
        destination[0] = (byte)digits;
        return EffectiveDigitsLength;
    }

    // -- 0xEA / 0xEB -----------------------------------------------------------------------------------------------

    /// <summary>
    /// EPC 0xEA or 0xEB: date and time (meter local) then the cumulative count. An impossible date is an error; a
    /// "no data" count returns false.
    /// </summary>
    public static bool TryDecodeFixedTimeCumulative(ReadOnlySpan<byte> edt, out FixedTimeCumulative value)
    {
        RequireLength(edt, FixedTimeCumulativeLength, "0xEA/0xEB");
        var time = ReadDateTime(edt, "0xEA/0xEB");
        uint raw = BinaryPrimitives.ReadUInt32BigEndian(edt[7..]);
        if (raw > MaxCumulative)
        {
            value = default;
            return false;
        }

        value = new FixedTimeCumulative(time, raw);
        return true;
    }

    /// <summary>Writes whole seconds; sub-second parts of <paramref name="meterLocalTime"/> are dropped.</summary>
    public static int EncodeFixedTimeCumulative(Span<byte> destination, DateTime meterLocalTime, uint raw)
    {
        RequireRoom(destination, FixedTimeCumulativeLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)meterLocalTime.Year);
        destination[2] = (byte)meterLocalTime.Month;
        destination[3] = (byte)meterLocalTime.Day;
        destination[4] = (byte)meterLocalTime.Hour;
        destination[5] = (byte)meterLocalTime.Minute;
        destination[6] = (byte)meterLocalTime.Second;
        BinaryPrimitives.WriteUInt32BigEndian(destination[7..], raw);
        return FixedTimeCumulativeLength;
    }

    // -- 0xE2 / 0xE4 -----------------------------------------------------------------------------------------------

    /// <summary>EPC 0xE2 or 0xE4: the day (0-99 days ago) and its 48 half-hourly counts.</summary>
    public static CumulativeHistory DecodeHistory(ReadOnlySpan<byte> edt)
    {
        RequireLength(edt, HistoryLength, "0xE2/0xE4");
        int day = BinaryPrimitives.ReadUInt16BigEndian(edt);
        if (day > MaxDaysAgo)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"History day {day} for EPC 0xE2/0xE4 is outside 0-{MaxDaysAgo}"));
        }

        var slots = new uint?[CumulativeHistory.SlotCount];
        var values = edt[2..];
        for (int i = 0; i < slots.Length; i++)
        {
            uint raw = BinaryPrimitives.ReadUInt32BigEndian(values[(i * 4)..]);
            slots[i] = raw > MaxCumulative ? null : raw;
        }

        return new CumulativeHistory(day, slots);
    }

    /// <summary>Writes a 0xE2/0xE4 EDT; <c>null</c> slots become the "no data" code.</summary>
    public static int EncodeHistory(Span<byte> destination, int daysAgo, IReadOnlyList<uint?> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        RequireRoom(destination, HistoryLength);
        ArgumentOutOfRangeException.ThrowIfNegative(daysAgo);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(daysAgo, MaxDaysAgo);
        if (slots.Count != CumulativeHistory.SlotCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A history has {CumulativeHistory.SlotCount} half-hour slots, not {slots.Count}."), nameof(slots));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)daysAgo);
        for (int i = 0; i < CumulativeHistory.SlotCount; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(2 + (i * 4))..], slots[i] ?? NoDataCumulative);
        }

        return HistoryLength;
    }

    // -- 0xE5 ------------------------------------------------------------------------------------------------------

    /// <summary>EPC 0xE5: which day (0-99 days ago) 0xE2/0xE4 report.</summary>
    public static int DecodeHistoryDay(ReadOnlySpan<byte> edt)
    {
        RequireLength(edt, HistoryDayLength, "0xE5");
        int day = edt[0];
        if (day > MaxDaysAgo)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"History day {day} for EPC 0xE5 is outside 0-{MaxDaysAgo}"));
        }

        return day;
    }

    public static int EncodeHistoryDay(Span<byte> destination, int daysAgo)
    {
        RequireRoom(destination, HistoryDayLength);
        ArgumentOutOfRangeException.ThrowIfNegative(daysAgo);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(daysAgo, MaxDaysAgo);
        destination[0] = (byte)daysAgo;
        return HistoryDayLength;
    }

    // -- 0x98 / 0x97 -----------------------------------------------------------------------------------------------

    /// <summary>EPC 0x98: the meter's current date.</summary>
    public static DateOnly DecodeCurrentDate(ReadOnlySpan<byte> edt)
    {
        RequireLength(edt, CurrentDateLength, "0x98");
        int year = BinaryPrimitives.ReadUInt16BigEndian(edt);
        int month = edt[2];
        int day = edt[3];
        if (!IsValidDate(year, month, day))
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"Date {year:D4}-{month:D2}-{day:D2} for EPC 0x98 does not exist"));
        }

        return new DateOnly(year, month, day);
    }

    public static int EncodeCurrentDate(Span<byte> destination, DateOnly date)
    {
        RequireRoom(destination, CurrentDateLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)date.Year);
        destination[2] = (byte)date.Month;
        destination[3] = (byte)date.Day;
        return CurrentDateLength;
    }

    /// <summary>EPC 0x97: the meter's current time of day, to the minute.</summary>
    public static TimeOnly DecodeCurrentTime(ReadOnlySpan<byte> edt)
    {
        RequireLength(edt, CurrentTimeLength, "0x97");
        int hour = edt[0];
        int minute = edt[1];
        if (hour > 23 || minute > 59)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"Time {hour:D2}:{minute:D2} for EPC 0x97 does not exist"));
        }

        return new TimeOnly(hour, minute);
    }

    /// <summary>Writes hour and minute; seconds are dropped.</summary>
    public static int EncodeCurrentTime(Span<byte> destination, TimeOnly time)
    {
        RequireRoom(destination, CurrentTimeLength);
        destination[0] = (byte)time.Hour;
        destination[1] = (byte)time.Minute;
        return CurrentTimeLength;
    }

    // -- shared ----------------------------------------------------------------------------------------------------

    private static bool IsCurrentSentinel(short value) =>
        value is NoDataCurrent or OverflowCurrent or UnderflowCurrent;

    private static short ToDeciAmperes(double amperes, string parameterName)
    {
        // 0x8001..0x7FFD is the measurable range; the three codes above it and 0x8000 are reserved.
        double deci = Math.Round(amperes * 10, MidpointRounding.AwayFromZero);
        if (double.IsNaN(deci) || deci < -0x7FFF || deci > 0x7FFD)
        {
            throw new ArgumentOutOfRangeException(parameterName, amperes, "0xE8 measures -3276.7 A to 3276.5 A.");
        }

        return (short)deci;
    }

    private static DateTime ReadDateTime(ReadOnlySpan<byte> edt, string epc)
    {
        int year = BinaryPrimitives.ReadUInt16BigEndian(edt);
        int month = edt[2];
        int day = edt[3];
        int hour = edt[4];
        int minute = edt[5];
        int second = edt[6];
        if (!IsValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"Date and time {year:D4}-{month:D2}-{day:D2} {hour:D2}:{minute:D2}:{second:D2} for EPC {epc} does not exist"));
        }

        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
    }

    private static bool IsValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static void RequireLength(ReadOnlySpan<byte> edt, int expected, string epc)
    {
        if (edt.Length != expected)
        {
            ThrowWrongLength(edt.Length, expected, epc);
        }
    }

    [DoesNotReturn]
    private static void ThrowWrongLength(int actual, int expected, string epc) =>
        throw Invalid(string.Create(CultureInfo.InvariantCulture,
            $"PDC {actual} for EPC {epc} is wrong; its EDT is {expected} byte(s)"));

    private static EchonetLiteFormatException Invalid(string message) => new(message);

    private static void RequireRoom(Span<byte> destination, int needed)
    {
        if (destination.Length < needed)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Destination holds {destination.Length} bytes; this EDT needs {needed}."), nameof(destination));
        }
    }
}
