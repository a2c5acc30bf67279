namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Gives the known objects their meaning and unit, writing into a <see cref="DsmrReadout"/>. Each known OBIS reference
/// has a number below 64 (<see cref="Known"/>), so duplicates are found with one bit mask instead of a set, and before
/// the second one can overwrite the first.
/// </summary>
internal static class TelegramInterpreter
{
    private const int FirstMBusSlot = 30;

    // No outage lasts this long; it also keeps the date arithmetic below in range.
    private const decimal MaxOutageSeconds = 50m * 366 * 24 * 3600;

    // The DSMR clock counts from 2000-01-01 local time: a meter whose clock was never set stamps events from there.
    private static readonly DateTime ClockZero = new(1999, 12, 31, 22, 0, 0, DateTimeKind.Utc);

    // An M-Bus capture time before this is the clock's zero, not a measurement.
    private static readonly DateTime PlaceholderBefore = new(2000, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The number of an object the gateway uses, or -1 for one it does not use.</summary>
    public static int Known(ObisCode o)
    {
        if (o.A == 1 && o.B == 0)
        {
            return (o.C, o.D, o.E) switch
            {
                (1, 8, 1) => 0,
                (1, 8, 2) => 1,
                (2, 8, 1) => 2,
                (2, 8, 2) => 3,
                (1, 8, 0) => 4,
                (2, 8, 0) => 5,
                (1, 7, 0) => 6,
                (2, 7, 0) => 7,
                (21 or 41 or 61, 7, 0) => 8 + ((o.C - 21) / 20),
                (22 or 42 or 62, 7, 0) => 11 + ((o.C - 22) / 20),
                (32 or 52 or 72, 7, 0) => 14 + ((o.C - 32) / 20),
                (31 or 51 or 71, 7, 0) => 17 + ((o.C - 31) / 20),
                (1, 4, 0) => 20,
                (1, 6, 0) => 21,
                (99, 97, 0) => 22,
                _ => -1,
            };
        }

        if (o is { A: 1, B: 3, C: 0, D: 2, E: 8 })
        {
            return 23;
        }

        if (o.A == 0 && o.B == 0)
        {
            return (o.C, o.D, o.E) switch
            {
                (1, 0, 0) => 24,
                (96, 1, 1) => 25,
                (96, 1, 4) => 26,
                (96, 14, 0) => 27,
                (96, 7, 21) => 28,
                (96, 7, 9) => 29,
                _ => -1,
            };
        }

        if (o.A == 0 && o.B is >= 1 and <= 4)
        {
            int slot = FirstMBusSlot + ((o.B - 1) * 4);
            return (o.C, o.D, o.E) switch
            {
                (24, 1, 0) => slot,
                (24, 2, 1) => slot + 1,
                (24, 2, 3) => slot + 2,
                (24, 3, 0) => slot + 3,
                _ => -1,
            };
        }

        return -1;
    }

    /// <summary>Interprets object number <paramref name="known"/> (from <see cref="Known"/>, not -1); false, with
    /// <paramref name="why"/> set, when its values do not have the form it needs. Nothing is written then.</summary>
    public static bool TryInterpret(DsmrReadout s, int known, ObisCode o, CosemValues v, out string why)
    {
        why = string.Empty;
        switch (known)
        {
            case <= 5:
                return TrySingle(v, CosemUnits.Energy, "an energy in kWh or Wh", ref s.Registers[known], out why);
            case 6:
                return TrySingle(v, CosemUnits.Power, "a power in kW or W", ref s.Import, out why);
            case 7:
                return TrySingle(v, CosemUnits.Power, "a power in kW or W", ref s.Export, out why);
            case <= 10:
                return TrySingle(v, CosemUnits.Power, "a power in kW or W", ref s.PhaseImport[known - 8], out why);
            case <= 13:
                return TrySingle(v, CosemUnits.Power, "a power in kW or W", ref s.PhaseExport[known - 11], out why);
            case <= 16:
                return TrySingle(v, CosemUnits.Voltage, "a voltage in V", ref s.Voltage[known - 14], out why);
            case <= 19:
                return TrySingle(v, CosemUnits.Current, "a current in A", ref s.Current[known - 17], out why);
            case 20:
                return TrySingle(v, CosemUnits.Power, "a demand in kW", ref s.Demand, out why);
            case 21:
                if (v.Count != 2 || !CosemText.TryTimestamp(v[0], out var at) || !CosemText.TryQuantity(v[1], CosemUnits.Power, out decimal peak))
                {
                    why = "expected (timestamp)(demand in kW)";
                    return false;
                }

                s.PeakAt = at;
                s.PeakWatts = at is null ? null : peak;
                return true;
            case 22:
                return TryFailureLog(s, v, out why);
            case 23:
                return TryText(s.VersionText, v, ref s.P1Version, out why);
            case 24:
                if (v.Count != 1 || !CosemText.TryTimestamp(v[0], out var time))
                {
                    why = "expected a timestamp YYMMDDhhmmssW or …S";
                    return false;
                }

                s.MeterTime = time;
                return true;
            case 25:
                return TryText(s.EquipmentIdText, v, ref s.Equipment, out why);
            case 26:
                return TryText(s.BelgianVersionText, v, ref s.BelgianVersion, out why);
            case 27:
                return TryCount(v, ref s.TariffNow, out why);
            case 28:
                return TryCount(v, ref s.Failures, out why);
            case 29:
                return TryCount(v, ref s.LongFailures, out why);
            default:
                return TryMBus(s, (known - FirstMBusSlot) % 4, o, v, out why);
        }
    }

    private static bool TryMBus(DsmrReadout s, int kind, ObisCode o, CosemValues v, out string why)
    {
        why = string.Empty;
        switch (kind)
        {
            case 0:
                int? type = null;
                if (!TryCount(v, ref type, out why))
                {
                    return false;
                }

                s.DeviceTypes[o.B] = type;
                return true;
            case 1 or 2:
                // (capture time)(value*unit); an empty channel may send a value without a unit, which is never used.
                if (v.Count != 2 || !CosemText.TryTimestamp(v[0], out var at) || !CosemText.TryNumber(v[1], out decimal value, out var unit))
                {
                    why = "expected (capture time YYMMDDhhmmssW)(value*unit)";
                    return false;
                }

                AddMBus(s, o, at, value, unit);
                return true;
            default:
                // DSMR 2.2/3: (capture time)(00)(60)(1)(0-n:24.2.1)(unit) and the value on the next line.
                if (v.Count != 7 || !CosemText.TryTimestamp(v[0], out var at3) || v[5].IsEmpty
                    || !CosemText.IsLettersOrDigits(v[5]) || !CosemText.TryNumber(v[6], out decimal value3, out var none) || !none.IsEmpty)
                {
                    why = "expected (capture time)(00)(60)(1)(0-n:24.2.1)(unit) followed by a line (value)";
                    return false;
                }

                AddMBus(s, o, at3, value3, v[5]);
                return true;
        }
    }

    private static void AddMBus(DsmrReadout s, ObisCode o, DateTimeOffset? at, decimal value, ReadOnlySpan<byte> unit)
    {
        // At most 4 channels × 3 value objects, each once (duplicates are refused before they get here).
        int i = s.MBusCount++;
        s.MBusChannel[i] = o.B;

        // An empty slot stamps its value with the meter clock's zero (2000-01-01) or the Unix epoch read as 2070.
        s.MBusCapturedAt[i] = at is { } t && (t.Year >= 2070 || t.UtcDateTime < PlaceholderBefore) ? null : at;
        s.MBusValues[i] = value;
        s.MBusObis[i] = o;
        s.MBusUnit[i] = s.MBusUnitText[i].Get(unit);
    }

    private static bool TryFailureLog(DsmrReadout s, CosemValues v, out string why)
    {
        why = "expected (count)(0-0:96.7.19) and count pairs (end time)(duration*s)";

        // Some meters send an empty log as "()".
        if (v.Count == 1 && v[0].IsEmpty)
        {
            why = string.Empty;
            return true;
        }

        if (v.Count < 2 || !CosemText.TryInteger(v[0], out int count) || v.Count != 2 + (2 * count))
        {
            return false;
        }

        for (int i = 2; i < v.Count; i += 2)
        {
            if (!CosemText.TryTimestamp(v[i], out _) || !CosemText.TryQuantity(v[i + 1], CosemUnits.Seconds, out _))
            {
                return false;
            }
        }

        for (int i = 2; i < v.Count; i += 2)
        {
            CosemText.TryTimestamp(v[i], out var end);
            CosemText.TryQuantity(v[i + 1], CosemUnits.Seconds, out decimal seconds);

            // Unused slots carry impossible dates, or durations (often 2^31 s, 68 years) that would start the outage
            // before the meter's clock could count: neither is a failure.
            if (end is { } ended && seconds <= MaxOutageSeconds && ended.AddSeconds(-(double)seconds).UtcDateTime >= ClockZero)
            {
                s.FailureLog.Add((ended, TimeSpan.FromSeconds((double)seconds)));
            }
        }

        why = string.Empty;
        return true;
    }

    private static bool TrySingle(CosemValues v, CosemUnits units, string what, ref decimal? value, out string why)
    {
        if (v.Count != 1 || !CosemText.TryQuantity(v[0], units, out decimal parsed))
        {
            why = "expected " + what;
            return false;
        }

        value = parsed;
        why = string.Empty;
        return true;
    }

    private static bool TryCount(CosemValues v, ref int? value, out string why)
    {
        if (v.Count != 1 || !CosemText.TryInteger(v[0], out int parsed))
        {
            why = "expected a whole number";
            return false;
        }

        value = parsed;
        why = string.Empty;
        return true;
    }

    private static bool TryText(CachedText cache, CosemValues v, ref string? value, out string why)
    {
        if (v.Count != 1)
        {
            why = "expected one value";
            return false;
        }

        value = cache.Get(v[0]);
        why = string.Empty;
        return true;
    }
}
