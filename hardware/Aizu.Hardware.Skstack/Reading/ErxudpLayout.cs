namespace Aizu.Hardware.Skstack;

/// <summary>
/// Recognises the ERXUDP field layout from the shape of the fields rather than trusting the configured dialect,
/// because firmware in the field disagrees with the manuals.
/// </summary>
/// <remarks>
/// Layouts after <c>ERXUDP &lt;SENDER&gt; &lt;DEST&gt; &lt;RPORT&gt; &lt;LPORT&gt; &lt;SENDERLLA&gt;</c>, each followed by
/// <c>&lt;DATALEN&gt; &lt;DATA&gt;</c>:
/// <list type="bullet">
/// <item><c>&lt;SECURED&gt;</c> — BP35A1 ("BP35A1コマンドリファレンス 4.1 ERXUDP" via smdn/Smdn.Net.SkStackIP
/// SkStackEventParser.cs; golden lines in its tests/…/SkStackClient.Events.4.1.ERXUDP.cs).</item>
/// <item><c>&lt;SECURED&gt; &lt;SIDE&gt;</c> — what BP35C0/BP35C2 and RL7023 Stick-D/IPS print by default (golden lines in
/// u-one/go-el-controller wisun/ RL7023 and BP35C2 emulator code, the Zig BP35C0 driver's ERXUDP test, and the
/// "wisunBp35xx" Python driver, which takes DATA from field 9 on a BP35C0).</item>
/// <item><c>&lt;RSSI&gt; &lt;SECURED&gt; &lt;SIDE&gt;</c> — the BP35C0 manual's full form, where RSSI is optional
/// (u-one/go-el-controller wisun/bp35c2_client.go writes it as "(&lt;RSSI&gt;)"). The RSSI number format could
/// not be confirmed from a public source, so both a signed decimal (<c>-70</c>) and a two-digit two's-complement
/// hexadecimal byte (<c>BA</c>) are accepted.</item>
/// </list>
/// DATALEN is therefore the first field of exactly four hexadecimal digits after at least one field beyond SENDERLLA.
/// </remarks>
internal static class ErxudpLayout
{
    public const int FixedFieldCount = 5;

    /// <summary>Fields up to and including DATALEN in the longest layout.</summary>
    public const int MaxHeaderFieldCount = FixedFieldCount + 3 + 1;

    public static bool IsDataLength(int index, string field) =>
        index > FixedFieldCount && AsciiHex.IsDigits(field, 4);

    /// <summary>Parses the header fields (keyword excluded) through DATALEN. Returns null or why it failed.</summary>
    public static string? TryParse(IReadOnlyList<string> fields, out ErxudpHeader? header)
    {
        header = null;
        var middle = fields.Count - FixedFieldCount - 1;
        if (middle is < 1 or > 3)
        {
            return "ERXUDP has an unknown field count";
        }

        if (!SkstackAddress.IsFullFormIpv6(fields[0]) || !SkstackAddress.IsFullFormIpv6(fields[1]))
        {
            return "ERXUDP address is not a full-form IPv6 address";
        }

        if (!AsciiHex.TryParse(fields[2], 4, out var remotePort) || !AsciiHex.TryParse(fields[3], 4, out var localPort))
        {
            return "ERXUDP port is not hexadecimal";
        }

        if (!SkstackAddress.IsMacAddress(fields[4]))
        {
            return "ERXUDP SENDERLLA is not 16 hexadecimal characters";
        }

        sbyte? rssi = null;
        if (middle == 3)
        {
            if (!TryParseRssi(fields[5], out var value))
            {
                return "ERXUDP RSSI is not a signed byte";
            }

            rssi = value;
        }

        var securedField = fields[FixedFieldCount + (middle == 3 ? 1 : 0)];
        if (securedField is not ("0" or "1"))
        {
            return "ERXUDP SECURED is not 0 or 1";
        }

        int? side = null;
        if (middle >= 2)
        {
            var sideField = fields[^2];
            if (sideField.Length != 1 || !char.IsAsciiDigit(sideField[0]))
            {
                return "ERXUDP SIDE is not a digit";
            }

            side = sideField[0] - '0';
        }

        AsciiHex.TryParse(fields[^1], 4, out var dataLength);
        header = new ErxudpHeader(
            new SkstackUdpReceived(
                fields[0],
                fields[1],
                (ushort)remotePort,
                (ushort)localPort,
                fields[4],
                rssi,
                securedField == "1",
                side,
                ReadOnlyMemory<byte>.Empty),
            (int)dataLength);
        return null;
    }

    /// <summary>The form <see cref="SkstackResponses"/> prints: two's-complement byte as two hexadecimal digits.</summary>
    public static string FormatRssi(sbyte rssi) => ((byte)rssi).ToString("X2", CultureInfo.InvariantCulture);

    private static bool TryParseRssi(string field, out sbyte value)
    {
        if (field.StartsWith('-'))
        {
            return sbyte.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        var ok = AsciiHex.TryParse(field, 2, out var raw);
        value = unchecked((sbyte)(byte)raw);
        return ok;
    }
}
