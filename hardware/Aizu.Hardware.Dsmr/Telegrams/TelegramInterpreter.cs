using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Aizu.Hardware.Dsmr;

/// <summary>Collects a telegram's objects and gives the known ones their meaning and unit.</summary>
internal sealed class TelegramInterpreter
{
    private static readonly (string, decimal)[] EnergyUnits = [("kWh", 1m), ("Wh", 0.001m)];
    private static readonly (string, decimal)[] PowerUnits = [("kW", 1000m), ("W", 1m)];
    private static readonly (string, decimal)[] VoltageUnits = [("V", 1m)];
    private static readonly (string, decimal)[] CurrentUnits = [("A", 1m)];
    private static readonly (string, decimal)[] SecondUnits = [("s", 1m)];

    private readonly ushort? _checksum;
    private readonly List<(ObisCode Obis, List<string> Values, int Line)> _objects = [];

    public TelegramInterpreter(ushort? checksum) => _checksum = checksum;

    public string Identification { get; set; } = string.Empty;

    public string? Version { get; private set; }

    /// <summary>Whether the version line names a P1 version that always carries a CRC (4.0 and later, e-MUCS).</summary>
    public bool ClaimsChecksum =>
        Version is { Length: >= 2 } v && char.IsAsciiDigit(v[0]) && char.IsAsciiDigit(v[1]) && (v[0] - '0') >= 4;

    public bool TryAdd(ObisCode? obis, List<string> values, int line, out string why)
    {
        if (obis is { } code)
        {
            _objects.Add((code, values, line));
        }
        else if (_objects.Count == 0 || _objects[^1].Obis is not { A: 0, C: 24, D: 3, E: 0 })
        {
            // Only DSMR 2.2/3 gas objects continue on the next line.
            why = "a line starting with '(' must follow a 0-n:24.3.0 gas object";
            return false;
        }
        else
        {
            _objects[^1].Values.AddRange(values);
        }

        why = string.Empty;
        return true;
    }

    public bool TryFinish([NotNullWhen(true)] out DsmrTelegram? telegram, out DsmrError error)
    {
        telegram = null;
        var state = new State();
        var seen = new HashSet<ObisCode>();
        foreach (var (obis, values, line) in _objects)
        {
            if (!TryInterpret(state, obis, values, out bool known, out string? why))
            {
                error = Error(DsmrErrorKind.Garbled, line, obis, why);
                return false;
            }

            if (known && !seen.Add(obis))
            {
                error = Error(DsmrErrorKind.Duplicate, line, obis, "it appears twice");
                return false;
            }
        }

        Version = state.Version ?? state.BelgianVersion;
        telegram = new DsmrTelegram
        {
            Identification = Identification,
            Version = Version,
            Checksum = _checksum,
            Timestamp = state.Timestamp,
            EquipmentId = state.EquipmentId,
            Tariff = state.Tariff,
            ImportTariff1 = state.Registers[0],
            ImportTariff2 = state.Registers[1],
            ExportTariff1 = state.Registers[2],
            ExportTariff2 = state.Registers[3],
            ImportTotalRegister = state.Registers[4],
            ExportTotalRegister = state.Registers[5],
            PowerImport = state.PowerImport,
            PowerExport = state.PowerExport,
            L1 = Phase(state, 0),
            L2 = Phase(state, 1),
            L3 = Phase(state, 2),
            AverageDemand = state.AverageDemand,
            MonthPeak = state.MonthPeak,
            PowerFailures = state.PowerFailures,
            LongPowerFailures = state.LongPowerFailures,
            PowerFailureLog = state.FailureLog,
            MBus = [.. state.MBus.Select(m => m with { Medium = MediumOf(state, m) })],
            Objects = [.. _objects.Select(o => new CosemObject(o.Obis, o.Values.AsReadOnly(), o.Line))],
        };
        error = default;
        return true;
    }

    private static DsmrPhase Phase(State s, int i) => new(s.Voltage[i], s.Current[i], s.PhaseImport[i], s.PhaseExport[i]);

    private static MBusMedium MediumOf(State state, MBusValue value) =>
        state.DeviceTypes.TryGetValue(value.Channel, out int type)
            ? type switch
            {
                3 => MBusMedium.Gas,
                4 or 12 => MBusMedium.Heat,
                7 => MBusMedium.Water,
                _ => MBusMedium.Other,
            }
            : value.Medium;

    private static DsmrError Error(DsmrErrorKind kind, int line, ObisCode obis, string why) =>
        new(kind, string.Create(CultureInfo.InvariantCulture, $"Line {line}, object {obis}: {why}."));

    private static bool TryInterpret(State s, ObisCode o, List<string> v, out bool known, out string why)
    {
        known = true;
        why = string.Empty;
        if (o.A == 1 && o.B == 0)
        {
            return TryElectricity(s, o, v, ref known, out why);
        }

        if (o.A == 1 && o.B == 3 && o.C == 0 && o.D == 2 && o.E == 8)
        {
            return TryText(v, out s.Version, out why);
        }

        if (o.A == 0 && o.B == 0)
        {
            return TryAbstract(s, o, v, ref known, out why);
        }

        if (o.A == 0 && o.B is >= 1 and <= 4)
        {
            return TryMBus(s, o, v, ref known, out why);
        }

        known = false;
        return true;
    }

    private static bool TryElectricity(State s, ObisCode o, List<string> v, ref bool known, out string why)
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
        if (register >= 0)
        {
            return TrySingle(v, EnergyUnits, "an energy in kWh or Wh", out s.Registers[register], out why);
        }

        if (o.D == 7 && o.E == 0)
        {
            switch (o.C)
            {
                case 1: return TrySingle(v, PowerUnits, "a power in kW or W", out s.PowerImport, out why);
                case 2: return TrySingle(v, PowerUnits, "a power in kW or W", out s.PowerExport, out why);
                case 21 or 41 or 61: return TrySingle(v, PowerUnits, "a power in kW or W", out s.PhaseImport[(o.C - 21) / 20], out why);
                case 22 or 42 or 62: return TrySingle(v, PowerUnits, "a power in kW or W", out s.PhaseExport[(o.C - 22) / 20], out why);
                case 32 or 52 or 72: return TrySingle(v, VoltageUnits, "a voltage in V", out s.Voltage[(o.C - 32) / 20], out why);
                case 31 or 51 or 71: return TrySingle(v, CurrentUnits, "a current in A", out s.Current[(o.C - 31) / 20], out why);
            }
        }

        if ((o.C, o.D, o.E) == (1, 4, 0))
        {
            return TrySingle(v, PowerUnits, "a demand in kW", out s.AverageDemand, out why);
        }

        if ((o.C, o.D, o.E) == (1, 6, 0))
        {
            if (v.Count != 2 || !CosemText.TryTimestamp(v[0], out var at) || !CosemText.TryQuantity(v[1], PowerUnits, out decimal peak))
            {
                why = "expected (timestamp)(demand in kW)";
                return false;
            }

            s.MonthPeak = at is { } when ? new PeakDemand(when, peak) : null;
            return true;
        }

        if ((o.C, o.D, o.E) == (99, 97, 0))
        {
            return TryFailureLog(s, v, out why);
        }

        known = false;
        return true;
    }

    private static bool TryAbstract(State s, ObisCode o, List<string> v, ref bool known, out string why)
    {
        why = string.Empty;
        switch ((o.C, o.D, o.E))
        {
            case (1, 0, 0):
                if (v.Count != 1 || !CosemText.TryTimestamp(v[0], out s.Timestamp))
                {
                    why = "expected a timestamp YYMMDDhhmmssW or …S";
                    return false;
                }

                return true;
            case (96, 1, 1):
                if (!TryText(v, out string? id, out why))
                {
                    return false;
                }

                s.EquipmentId = CosemText.DecodeHexText(id ?? string.Empty);
                return true;
            case (96, 1, 4):
                return TryText(v, out s.BelgianVersion, out why);
            case (96, 14, 0):
                return TryCount(v, out s.Tariff, out why);
            case (96, 7, 21):
                return TryCount(v, out s.PowerFailures, out why);
            case (96, 7, 9):
                return TryCount(v, out s.LongPowerFailures, out why);
            default:
                known = false;
                return true;
        }
    }

    private static bool TryMBus(State s, ObisCode o, List<string> v, ref bool known, out string why)
    {
        why = string.Empty;
        switch ((o.C, o.D, o.E))
        {
            case (24, 1, 0):
                if (!TryCount(v, out int? type, out why))
                {
                    return false;
                }

                s.DeviceTypes[o.B] = type!.Value;
                return true;
            case (24, 2, 1) or (24, 2, 3):
                // (capture time)(value*unit); an empty channel may send a value without a unit, which is never used.
                if (v.Count != 2 || !CosemText.TryTimestamp(v[0], out var at) || !CosemText.TryNumber(v[1], out decimal value, out string unit))
                {
                    why = "expected (capture time YYMMDDhhmmssW)(value*unit)";
                    return false;
                }

                s.MBus.Add(new MBusValue(o.B, MBusMedium.Gas, at, value, unit, o));
                return true;
            case (24, 3, 0):
                // DSMR 2.2/3: (capture time)(00)(60)(1)(0-n:24.2.1)(unit) and the value on the next line.
                if (v.Count != 7 || !CosemText.TryTimestamp(v[0], out var at3) || v[5].Length == 0
                    || !v[5].All(char.IsAsciiLetterOrDigit) || !CosemText.TryNumber(v[6], out decimal value3, out string none) || none.Length != 0)
                {
                    why = "expected (capture time)(00)(60)(1)(0-n:24.2.1)(unit) followed by a line (value)";
                    return false;
                }

                s.MBus.Add(new MBusValue(o.B, MBusMedium.Gas, at3, value3, v[5], o));
                return true;
            default:
                known = false;
                return true;
        }
    }

    private static bool TryFailureLog(State s, List<string> v, out string why)
    {
        why = "expected (count)(0-0:96.7.19) and count pairs (end time)(duration*s)";

        // Some meters send an empty log as "()".
        if (v.Count == 1 && v[0].Length == 0)
        {
            return true;
        }

        if (v.Count < 2 || !CosemText.TryInteger(v[0], out int count) || v.Count != 2 + (2 * count))
        {
            return false;
        }

        for (int i = 2; i < v.Count; i += 2)
        {
            if (!CosemText.TryTimestamp(v[i], out var end) || !CosemText.TryQuantity(v[i + 1], SecondUnits, out decimal seconds))
            {
                return false;
            }

            // Unused slots carry impossible dates or durations beyond TimeSpan; they are not failures.
            if (end is { } ended && seconds <= (decimal)TimeSpan.MaxValue.TotalSeconds / 2)
            {
                s.FailureLog.Add(new PowerFailure(ended, TimeSpan.FromSeconds((double)seconds)));
            }
        }

        why = string.Empty;
        return true;
    }

    private static bool TrySingle(List<string> v, ReadOnlySpan<(string, decimal)> units, string what, out decimal? value, out string why)
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

    private static bool TryCount(List<string> v, out int? value, out string why)
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

    private static bool TryText(List<string> v, out string? value, out string why)
    {
        value = v.Count == 1 ? v[0] : null;
        why = value is null ? "expected one value" : string.Empty;
        return value is not null;
    }

    /// <summary>What the objects said so far; fields so that the parsers above can write to them by reference.</summary>
    private sealed class State
    {
#pragma warning disable SA1401, CA1051 // A private bag of out-targets; properties cannot be passed by reference.
        public readonly decimal?[] Registers = new decimal?[6];
        public readonly decimal?[] PhaseImport = new decimal?[3];
        public readonly decimal?[] PhaseExport = new decimal?[3];
        public readonly decimal?[] Voltage = new decimal?[3];
        public readonly decimal?[] Current = new decimal?[3];
        public readonly List<PowerFailure> FailureLog = [];
        public readonly List<MBusValue> MBus = [];
        public readonly Dictionary<int, int> DeviceTypes = [];
        public string? Version;
        public string? BelgianVersion;
        public DateTimeOffset? Timestamp;
        public string? EquipmentId;
        public int? Tariff;
        public decimal? PowerImport;
        public decimal? PowerExport;
        public decimal? AverageDemand;
        public PeakDemand? MonthPeak;
        public int? PowerFailures;
        public int? LongPowerFailures;
#pragma warning restore SA1401, CA1051
    }
}
