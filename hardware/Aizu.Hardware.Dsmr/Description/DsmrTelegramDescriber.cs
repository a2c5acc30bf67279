namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Turns a telegram into English text for <c>aizu decode --dsmr file</c> and for logs:
/// <code>
/// DSMR P1 telegram, 1081 bytes, CRC 6EEE (correct)
///   Meter        ISk5\2MT382-1000 (manufacturer ISk), P1 version 5.0
///   Time         2017-01-02 19:20:02 +01:00
///   1-0:1.8.1    000004.426*kWh                          energy imported, tariff 1
///   …
/// Summary
///   Import       6.825 kWh (tariff 1 4.426 + tariff 2 2.399)
///   Power        244 W (import 244 W, export 0 W)
///   Gas          0.107 m3 at 2017-01-02 16:10:05 +01:00 (M-Bus channel 1)
/// </code>
/// </summary>
/// <remarks>Lines are separated by <c>\n</c> with none after the last, so the text is the same on every host.</remarks>
public static class DsmrTelegramDescriber
{
    private const int ObisWidth = 12;
    private const int ValueWidth = 40;

    /// <summary>Describes <paramref name="telegram"/>; a telegram without CRC is described as DSMR 2.2/3 would be.</summary>
    /// <exception cref="DsmrFormatException">The bytes are not a valid telegram; the message says why.</exception>
    public static string Describe(ReadOnlySpan<byte> telegram)
    {
        var parsed = DsmrTelegramParser.Parse(telegram, DsmrParseOptions.WithoutChecksum);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder(1024);
        text.Append(c, $"DSMR P1 telegram, {telegram.Length} bytes, ");
        text.Append(parsed.Checksum is { } crc ? string.Create(c, $"CRC {crc:X4} (correct)") : "no CRC (DSMR 2.2/3)");
        Field(text, "Meter", $"{parsed.Identification} (manufacturer {parsed.Manufacturer})"
            + (parsed.Version is { } v ? ", " + VersionText(v) : string.Empty));
        if (parsed.Timestamp is { } at)
        {
            Field(text, "Time", Format(at));
        }

        if (parsed.EquipmentId is { } id)
        {
            Field(text, "Equipment", id);
        }

        foreach (var o in parsed.Objects)
        {
            string values = string.Join(string.Empty, o.Values.Select(v => "(" + v + ")"));
            text.Append('\n').Append("  ").Append(o.Obis.ToString().PadRight(ObisWidth)).Append(' ');
            text.Append(values.Length > ValueWidth ? values : values.PadRight(ValueWidth));
            text.Append(' ').Append(ObisNames.Name(o.Obis) ?? "(not used by the gateway)");
        }

        text.Append("\nSummary");
        if (parsed.ImportEnergy is { } import)
        {
            Field(text, "Import", Energy(import, parsed.ImportTotalRegister is null, parsed.ImportTariff1, parsed.ImportTariff2));
        }

        if (parsed.ExportEnergy is { } export)
        {
            Field(text, "Export", Energy(export, parsed.ExportTotalRegister is null, parsed.ExportTariff1, parsed.ExportTariff2));
        }

        if (parsed.Tariff is { } tariff)
        {
            Field(text, "Tariff", tariff.ToString(c));
        }

        if (parsed.NetPower is { } power)
        {
            Field(text, "Power", string.Create(c, $"{power:0.###} W (import {parsed.PowerImport ?? 0:0.###} W, export {parsed.PowerExport ?? 0:0.###} W)"));
        }

        Phase(text, "L1", parsed.L1);
        Phase(text, "L2", parsed.L2);
        Phase(text, "L3", parsed.L3);
        if (parsed.AverageDemand is { } demand)
        {
            Field(text, "Demand", string.Create(c, $"{demand:0.###} W average this quarter hour"));
        }

        if (parsed.MonthPeak is { } peak)
        {
            Field(text, "Peak", string.Create(c, $"{peak.Watts:0.###} W this month, at {Format(peak.OccurredAt)}"));
        }

        foreach (var m in parsed.MBus)
        {
            string when = m.CapturedAt is { } captured ? "at " + Format(captured) : "with no valid capture time";
            Field(text, m.Medium.ToString(), string.Create(c, $"{m.Value} {m.Unit} {when} (M-Bus channel {m.Channel})"));
        }

        foreach (var failure in parsed.PowerFailureLog)
        {
            Field(text, "Outage", string.Create(c, $"ended {Format(failure.EndedAt)}, lasted {failure.Duration}"));
        }

        foreach (var skipped in parsed.SkippedObjects)
        {
            Field(text, "Skipped", skipped);
        }

        return text.ToString();
    }

    /// <summary>
    /// The version as people write it: 1-3:0.2.8 <c>50</c> is P1 version 5.0; e-MUCS meters send 0-0:96.1.4 instead,
    /// whose five digits are the DSMR base version and the e-MUCS version (<c>50217</c>: DSMR 5.0.2, e-MUCS 1.7).
    /// </summary>
    private static string VersionText(string version) => version switch
    {
        { Length: 2 } when version.All(char.IsAsciiDigit) => $"P1 version {version[0]}.{version[1]}",
        { Length: 5 } when version.All(char.IsAsciiDigit) =>
            $"e-MUCS {version[3]}.{version[4]} (DSMR {version[0]}.{version[1]}.{version[2]}; version code {version})",
        _ => "P1 version " + version,
    };

    private static string Energy(decimal total, bool fromTariffs, decimal? t1, decimal? t2) =>
        fromTariffs
            ? string.Create(CultureInfo.InvariantCulture, $"{total} kWh (tariff 1 {t1 ?? 0} + tariff 2 {t2 ?? 0})")
            : string.Create(CultureInfo.InvariantCulture, $"{total} kWh (total register)");

    private static void Phase(StringBuilder text, string name, DsmrPhase phase)
    {
        var parts = new List<string>();
        var c = CultureInfo.InvariantCulture;
        if (phase.Voltage is { } v)
        {
            parts.Add(string.Create(c, $"{v} V"));
        }

        if (phase.Current is { } a)
        {
            parts.Add(string.Create(c, $"{a} A"));
        }

        if (phase.NetPower is { } p)
        {
            parts.Add(string.Create(c, $"{p:0.###} W"));
        }

        if (parts.Count > 0)
        {
            Field(text, name, string.Join(", ", parts));
        }
    }

    private static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    private static void Field(StringBuilder text, string label, string value) =>
        text.Append('\n').Append("  ").Append(label.PadRight(ObisWidth)).Append(' ').Append(value);
}
