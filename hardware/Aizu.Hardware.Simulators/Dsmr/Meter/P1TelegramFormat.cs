namespace Aizu.Hardware.Simulators.Dsmr;

/// <summary>Writes telegrams the way each meter generation does: field widths, units and order follow the P1
/// companion standards and the captured telegrams the driver tests use.</summary>
internal static class P1TelegramFormat
{
    public static string Write(DsmrProtocol protocol, P1Registers r, DateTimeOffset now, bool gas, bool water)
    {
        var t = new StringBuilder(1100);
        switch (protocol)
        {
            case DsmrProtocol.Dsmr22:
                WriteDsmr22(t, r, gas);
                return t.Append("!\r\n").ToString();
            case DsmrProtocol.EMucs:
                WriteEMucs(t, r, now, gas, water);
                break;
            default:
                WriteDsmr(t, protocol, r, now, gas, water);
                break;
        }

        t.Append('!');
        ushort crc = DsmrCrc16.Compute(Encoding.ASCII.GetBytes(t.ToString()));
        return t.Append(crc.ToString("X4", CultureInfo.InvariantCulture)).Append("\r\n").ToString();
    }

    private static void WriteDsmr(StringBuilder t, DsmrProtocol protocol, P1Registers r, DateTimeOffset now, bool gas, bool water)
    {
        Line(t, protocol == DsmrProtocol.Dsmr5 ? "/ISk5\\2MT382-1000" : "/KFM5KAIFA-METER");
        Line(t, string.Empty);
        Line(t, protocol == DsmrProtocol.Dsmr5 ? "1-3:0.2.8(50)" : "1-3:0.2.8(42)");
        Line(t, $"0-0:1.0.0({Timestamp(now)})");
        Line(t, "0-0:96.1.1(4B384547303034303436333935353037)");
        Registers(t, r, "000000.000");
        Line(t, $"0-0:96.14.0({r.Tariff:0000})");
        Power(t, r, "00.000");
        Line(t, "0-0:96.7.21(00004)");
        Line(t, "0-0:96.7.9(00002)");
        Line(t, "1-0:99.97.0(1)(0-0:96.7.19)(240312101523W)(0000003160*s)");
        foreach (var c in new[] { 32, 52, 72 })
        {
            Line(t, $"1-0:{c}.32.0(00000)");
        }

        foreach (var c in new[] { 32, 52, 72 })
        {
            Line(t, $"1-0:{c}.36.0(00000)");
        }

        Line(t, "0-0:96.13.0()");
        Phases(t, r, "0.0", "000", "00.000");
        if (gas)
        {
            Line(t, "0-1:24.1.0(003)");
            Line(t, "0-1:96.1.0(4730303339303031363532303530323136)");
            Line(t, $"0-1:24.2.1({Timestamp(r.GasCapture.At)})({r.GasCapture.Value.ToString("00000.000", CultureInfo.InvariantCulture)}*m3)");
        }

        if (water && protocol == DsmrProtocol.Dsmr5)
        {
            Line(t, "0-2:24.1.0(007)");
            Line(t, "0-2:96.1.0(3853414731323334353637383930)");
            Line(t, $"0-2:24.2.1({Timestamp(r.WaterCapture.At)})({r.WaterCapture.Value.ToString("00000.000", CultureInfo.InvariantCulture)}*m3)");
        }
    }

    private static void WriteEMucs(StringBuilder t, P1Registers r, DateTimeOffset now, bool gas, bool water)
    {
        Line(t, "/FLU5\\253770234_A");
        Line(t, string.Empty);
        Line(t, "0-0:96.1.4(50217)");
        Line(t, "0-0:96.1.1(3153414731313030303537373239)");
        Line(t, $"0-0:1.0.0({Timestamp(now)})");
        Registers(t, r, "000000.000");
        Line(t, $"0-0:96.14.0({r.Tariff:0000})");
        Line(t, $"1-0:1.4.0({Kw(r.AverageDemandWatts, "00.000")}*kW)");
        var peak = r.MonthPeak ?? (now, r.AverageDemandWatts);
        Line(t, $"1-0:1.6.0({Timestamp(peak.At)})({Kw(peak.Watts, "00.000")}*kW)");
        Line(t, "0-0:98.1.0(0)(1-0:1.6.0)(1-0:1.6.0)()");
        Power(t, r, "00.000");
        Phases(t, r, "0.0", "000.00", "00.000");
        Line(t, "0-0:96.3.10(1)");
        Line(t, "0-0:17.0.0(999.9*kW)");
        Line(t, "1-0:31.4.0(999*A)");
        Line(t, "0-0:96.13.0()");
        if (gas)
        {
            Line(t, "0-1:24.1.0(003)");
            Line(t, "0-1:96.1.1(37464C4F32313139303938343332)");
            Line(t, "0-1:24.4.0(1)");
            Line(t, $"0-1:24.2.3({Timestamp(r.GasCapture.At)})({r.GasCapture.Value.ToString("00000.000", CultureInfo.InvariantCulture)}*m3)");
        }

        if (water)
        {
            Line(t, "0-2:24.1.0(007)");
            Line(t, "0-2:96.1.1(3853414731323334353637383930)");
            Line(t, $"0-2:24.2.1({Timestamp(r.WaterCapture.At)})({r.WaterCapture.Value.ToString("00000.000", CultureInfo.InvariantCulture)}*m3)");
        }
    }

    private static void WriteDsmr22(StringBuilder t, P1Registers r, bool gas)
    {
        Line(t, "/ISk5\\2MT382-1004");
        Line(t, string.Empty);
        Line(t, "0-0:96.1.1(00000000000000)");
        Registers(t, r, "00000.000");
        Line(t, $"0-0:96.14.0({r.Tariff:0000})");
        Line(t, $"1-0:1.7.0({Kw(Math.Max(0, r.NetWatts), "0000.00")}*kW)");
        Line(t, $"1-0:2.7.0({Kw(Math.Max(0, -r.NetWatts), "0000.00")}*kW)");
        Line(t, "0-0:17.0.0(0999.00*kW)");
        Line(t, "0-0:96.3.10(1)");
        Line(t, "0-0:96.13.1()");
        Line(t, "0-0:96.13.0()");
        if (gas)
        {
            Line(t, "0-1:24.1.0(3)");
            Line(t, "0-1:96.1.0(000000000000)");
            var local = CentralEuropeanTime.ToMeterTime(r.GasCapture.At);
            Line(t, $"0-1:24.3.0({local.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture)})(00)(60)(1)(0-1:24.2.1)(m3)");
            Line(t, $"({r.GasCapture.Value.ToString("00000.000", CultureInfo.InvariantCulture)})");
            Line(t, "0-1:24.4.0(1)");
        }
    }

    private static void Registers(StringBuilder t, P1Registers r, string format)
    {
        Line(t, $"1-0:1.8.1({r.ImportKwh[0].ToString(format, CultureInfo.InvariantCulture)}*kWh)");
        Line(t, $"1-0:1.8.2({r.ImportKwh[1].ToString(format, CultureInfo.InvariantCulture)}*kWh)");
        Line(t, $"1-0:2.8.1({r.ExportKwh[0].ToString(format, CultureInfo.InvariantCulture)}*kWh)");
        Line(t, $"1-0:2.8.2({r.ExportKwh[1].ToString(format, CultureInfo.InvariantCulture)}*kWh)");
    }

    private static void Power(StringBuilder t, P1Registers r, string format)
    {
        Line(t, $"1-0:1.7.0({Kw(Math.Max(0, r.NetWatts), format)}*kW)");
        Line(t, $"1-0:2.7.0({Kw(Math.Max(0, -r.NetWatts), format)}*kW)");
    }

    private static void Phases(StringBuilder t, P1Registers r, string voltFormat, string ampFormat, string kwFormat)
    {
        string[] names = ["32", "52", "72"];
        for (int i = 0; i < 3; i++)
        {
            Line(t, $"1-0:{names[i]}.7.0({r.Volts[i].ToString("000" + voltFormat[1..], CultureInfo.InvariantCulture)}*V)");
        }

        string[] currents = ["31", "51", "71"];
        for (int i = 0; i < 3; i++)
        {
            Line(t, $"1-0:{currents[i]}.7.0({r.Amperes[i].ToString(ampFormat, CultureInfo.InvariantCulture)}*A)");
        }

        string[] imports = ["21", "41", "61"];
        string[] exports = ["22", "42", "62"];
        for (int i = 0; i < 3; i++)
        {
            Line(t, $"1-0:{imports[i]}.7.0({Kw(Math.Max(0, r.PhaseNetWatts[i]), kwFormat)}*kW)");
        }

        for (int i = 0; i < 3; i++)
        {
            Line(t, $"1-0:{exports[i]}.7.0({Kw(Math.Max(0, -r.PhaseNetWatts[i]), kwFormat)}*kW)");
        }
    }

    private static string Kw(double watts, string format) => (watts / 1000).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>YYMMDDhhmmss on the meter's clock with W (winter) or S (summer).</summary>
    private static string Timestamp(DateTimeOffset instant)
    {
        var local = CentralEuropeanTime.ToMeterTime(instant);
        return local.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + (CentralEuropeanTime.IsSummerTime(instant) ? "S" : "W");
    }

    private static void Line(StringBuilder t, string line) => t.Append(line).Append("\r\n");
}
