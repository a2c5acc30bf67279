namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Gives the known objects their meaning and unit, writing into a <see cref="DsmrReadout"/>. Each known OBIS reference
/// has a number below 64 (<c>known</c>), so duplicates are found with one bit mask instead of a set.
/// </summary>
internal static class TelegramInterpreter
{
    /// <summary>Interprets one object; <paramref name="known"/> is its number, or -1 for an object the gateway does not use.</summary>
    public static bool TryInterpret(DsmrReadout s, ObisCode o, CosemValues v, out int known, out string why)
    {
        known = -1;
        why = string.Empty;
        if (o.A == 1 && o.B == 0)
        {
            return TryElectricity(s, o, v, out known, out why);
        }

        if (o.A == 1 && o.B == 3 && o.C == 0 && o.D == 2 && o.E == 8)
        {
            known = 23;
            return TryText(s.VersionText, v, out s.P1Version, out why);
        }

        if (o.A == 0 && o.B == 0)
        {
            return TryAbstract(s, o, v, out known, out why);
        }

        if (o.A == 0 && o.B is >= 1 and <= 4)
        {
            return TryMBus(s, o, v, out known, out why);
        }

        return true;
    }

    private static bool TryElectricity(DsmrReadout s, ObisCode o, CosemValues v, out int known, out string why)
    {
        why = string.Empty;
        int register = (o.C, o.D, o.E) switch
        {
            (1, 8, 1) => 0,
            (1, 8, 2) => 1,
            (2, 8, 1) => 2,
            (2, 8, 2) => 3,
            (1, 8, 0) => 4,
            (2, 8, 0) => 5,
            _ => -1,
        };
        known = register;
        if (register >= 0)
        {
            return TrySingle(v, CosemUnits.Energy, "an energy in kWh or Wh", out s.Registers[register], out why);
        }

        if (o.D == 7 && o.E == 0)
        {
            switch (o.C)
            {
                case 1:
                    known = 6;
                    return TrySingle(v, CosemUnits.Power, "a power in kW or W", out s.Import, out why);
                case 2:
                    known = 7;
                    return TrySingle(v, CosemUnits.Power, "a power in kW or W", out s.Export, out why);
                case 21 or 41 or 61:
                    known = 8 + ((o.C - 21) / 20);
                    return TrySingle(v, CosemUnits.Power, "a power in kW or W", out s.PhaseImport[(o.C - 21) / 20], out why);
                case 22 or 42 or 62:
                    known = 11 + ((o.C - 22) / 20);
                    return TrySingle(v, CosemUnits.Power, "a power in kW or W", out s.PhaseExport[(o.C - 22) / 20], out why);
                case 32 or 52 or 72:
                    known = 14 + ((o.C - 32) / 20);
                    return TrySingle(v, CosemUnits.Voltage, "a voltage in V", out s.Voltage[(o.C - 32) / 20], out why);
                case 31 or 51 or 71:
                    known = 17 + ((o.C - 31) / 20);
                    return TrySingle(v, CosemUnits.Current, "a current in A", out s.Current[(o.C - 31) / 20], out why);
            }
        }

        if ((o.C, o.D, o.E) == (1, 4, 0))
        {
            known = 20;
            return TrySingle(v, CosemUnits.Power, "a demand in kW", out s.Demand, out why);
        }

        if ((o.C, o.D, o.E) == (1, 6, 0))
        {
            known = 21;
            if (v.Count != 2 || !CosemText.TryTimestamp(v[0], out var at) || !CosemText.TryQuantity(v[1], CosemUnits.Power, out decimal peak))
            {
                why = "expected (timestamp)(demand in kW)";
                return false;
            }

            s.PeakAt = at;
            s.PeakWatts = at is null ? null : peak;
            return true;
        }

        if ((o.C, o.D, o.E) == (99, 97, 0))
        {
            known = 22;
            return TryFailureLog(s, v, out why);
        }

        return true;
    }

    private static bool TryAbstract(DsmrReadout s, ObisCode o, CosemValues v, out int known, out string why)
    {
        why = string.Empty;
        switch ((o.C, o.D, o.E))
        {
            case (1, 0, 0):
                known = 24;
                if (v.Count != 1 || !CosemText.TryTimestamp(v[0], out s.MeterTime))
                {
                    why = "expected a timestamp YYMMDDhhmmssW or …S";
                    return false;
                }

                return true;
            case (96, 1, 1):
                known = 25;
                return TryText(s.EquipmentIdText, v, out s.Equipment, out why);
            case (96, 1, 4):
                known = 26;
                return TryText(s.BelgianVersionText, v, out s.BelgianVersion, out why);
            case (96, 14, 0):
                known = 27;
                return TryCount(v, out s.TariffNow, out why);
            case (96, 7, 21):
                known = 28;
                return TryCount(v, out s.Failures, out why);
            case (96, 7, 9):
                known = 29;
                return TryCount(v, out s.LongFailures, out why);
            default:
                known = -1;
                return true;
        }
    }

    private static bool TryMBus(DsmrReadout s, ObisCode o, CosemValues v, out int known, out string why)
    {
        why = string.Empty;
        int slot = 30 + ((o.B - 1) * 4);
        switch ((o.C, o.D, o.E))
        {
            case (24, 1, 0):
                known = slot;
                if (!TryCount(v, out int? type, out why))
                {
                    return false;
                }

                s.DeviceTypes[o.B] = type!.Value;
                return true;
            case (24, 2, 1) or (24, 2, 3):
                known = slot + (o.E == 1 ? 1 : 2);

                // (capture time)(value*unit); an empty channel may send a value without a unit, which is never used.
                if (v.Count != 2 || !CosemText.TryTimestamp(v[0], out var at) || !CosemText.TryNumber(v[1], out decimal value, out var unit))
                {
                    why = "expected (capture time YYMMDDhhmmssW)(value*unit)";
                    return false;
                }

                AddMBus(s, o, at, value, unit);
                return true;
            case (24, 3, 0):
                known = slot + 3;

                // DSMR 2.2/3: (capture time)(00)(60)(1)(0-n:24.2.1)(unit) and the value on the next line.
                if (v.Count != 7 || !CosemText.TryTimestamp(v[0], out var at3) || v[5].IsEmpty
                    || !CosemText.IsLettersOrDigits(v[5]) || !CosemText.TryNumber(v[6], out decimal value3, out var none) || !none.IsEmpty)
                {
                    why = "expected (capture time)(00)(60)(1)(0-n:24.2.1)(unit) followed by a line (value)";
                    return false;
                }

                AddMBus(s, o, at3, value3, v[5]);
                return true;
            default:
                known = -1;
                return true;
        }
    }

    private static void AddMBus(DsmrReadout s, ObisCode o, DateTimeOffset? at, decimal value, ReadOnlySpan<byte> unit)
    {
        // Known M-Bus objects are at most 4 × 3 and a second one of a kind is rejected as a duplicate right after.
        int i = s.MBusCount++;
        s.MBusChannel[i] = o.B;
        s.MBusCapturedAt[i] = at;
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
            if (!CosemText.TryTimestamp(v[i], out var end) || !CosemText.TryQuantity(v[i + 1], CosemUnits.Seconds, out decimal seconds))
            {
                return false;
            }

            // Unused slots carry impossible dates or durations beyond TimeSpan; they are not failures.
            if (end is { } ended && seconds <= (decimal)TimeSpan.MaxValue.TotalSeconds / 2)
            {
                s.FailureLog.Add((ended, TimeSpan.FromSeconds((double)seconds)));
            }
        }

        why = string.Empty;
        return true;
    }

    private static bool TrySingle(CosemValues v, CosemUnits units, string what, out decimal? value, out string why)
    {
        value = null;
        if (v.Count != 1 || !CosemText.TryQuantity(v[0], units, out decimal parsed))
        {
            why = "expected " + what;
            return false;
        }

        value = parsed;
        why = string.Empty;
        return true;
    }

    private static bool TryCount(CosemValues v, out int? value, out string why)
    {
        value = null;
        if (v.Count != 1 || !CosemText.TryInteger(v[0], out int parsed))
        {
            why = "expected a whole number";
            return false;
        }

        value = parsed;
        why = string.Empty;
        return true;
    }

    private static bool TryText(CachedText cache, CosemValues v, out string? value, out string why)
    {
        value = v.Count == 1 ? cache.Get(v[0]) : null;
        why = value is null ? "expected one value" : string.Empty;
        return value is not null;
    }
}
