namespace Aizu.Hardware.Skstack;

/// <summary>
/// The exact bytes a host writes to a SKSTACK-IP dongle. Every command ends in CRLF except SKSENDTO (its raw data
/// ends it) and the product-configuration commands WOPT/ROPT (a bare CR).
/// </summary>
/// <remarks>
/// Golden lines (all public): <c>SKSETPWD C 0123456789AB</c>, <c>SKSETRBID 00112233445566778899AABBCCDDEEFF</c>,
/// <c>SKSCAN 2 FFFFFFFF 6 0</c>, <c>SKLL64 001D129012345678</c>,
/// <c>SKJOIN FE80:0000:0000:0000:021D:1290:1234:5678</c>,
/// <c>SKSENDTO 1 FE80:0000:0000:0000:021D:1290:1234:5678 0E1A 1 0 0005 12345</c> (Zig BP35C0 driver tests);
/// <c>SKSCAN 2 FFFFFFFF 6</c> and <c>SKSENDTO 1 &lt;addr&gt; 0E1A 1 &lt;len&gt; </c> on a BP35A1 (wisunBp35xx Python
/// driver); <c>WOPT 01␍</c>, <c>ROPT␍</c> (smdn/Smdn.Net.SkStackIP tests/Smdn.Devices.BP35XX/.../BP35A1.Commands.cs).
/// </remarks>
public static class SkstackCommands
{
    /// <summary>Largest SKSENDTO payload: DATALEN 0x04D0 ("BP35A1コマンドリファレンス 3.7 SKSENDTO" as enforced by
    /// smdn/Smdn.Net.SkStackIP SkStackClient.Commands.SKSENDTO.cs).</summary>
    public const int MaxSendToDataLength = 0x04D0;

    /// <summary>Largest SKSCAN duration exponent: the scan takes 9.6 ms × (2^n + 1) per channel, n = 0..14
    /// (smdn/Smdn.Net.SkStackIP SkStackClient.Commands.SKSCAN.cs).</summary>
    public const int MaxScanDurationExponent = 14;

    /// <summary><c>SKVER</c>: asks for the firmware version (answer <c>EVER x.y.z</c>, then OK).</summary>
    public static byte[] SkVer() => WireText.Line("SKVER");

    /// <summary><c>SKRESET</c>: resets the stack (echo comes back on).</summary>
    public static byte[] SkReset() => WireText.Line("SKRESET");

    /// <summary><c>SKSETPWD &lt;LEN&gt; &lt;PWD&gt;</c>: the B-route password; LEN is its length in hexadecimal
    /// (<c>C</c> for the usual 12 characters).</summary>
    /// <exception cref="ArgumentException">The password is not 1–32 printable ASCII characters without spaces.</exception>
    public static byte[] SkSetPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length is < 1 or > 32 || !WireText.IsToken(password))
        {
            throw new ArgumentException(
                "The B-route password must be 1 to 32 printable ASCII characters without spaces.", nameof(password));
        }

        return WireText.Line(string.Create(CultureInfo.InvariantCulture, $"SKSETPWD {password.Length:X} {password}"));
    }

    /// <summary><c>SKSETRBID &lt;ID&gt;</c>: the 32-character B-route ID from the utility.</summary>
    /// <exception cref="ArgumentException">The ID is not exactly 32 ASCII letters or digits.</exception>
    public static byte[] SkSetRouteBId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!IsRouteBId(id))
        {
            throw new ArgumentException("The B-route ID must be exactly 32 ASCII letters or digits.", nameof(id));
        }

        return WireText.Line("SKSETRBID " + id);
    }

    /// <summary>
    /// <c>SKSCAN 2 FFFFFFFF &lt;DURATION&gt;</c> (+ <c> 0</c>, the B-route SIDE, on BP35C0-style firmware): an active
    /// scan with information element on all channels, so EPANDESC carries the PairID.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The exponent is outside 0–14.</exception>
    public static byte[] SkScan(SkstackDialect d, int durationExponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(durationExponent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(durationExponent, MaxScanDurationExponent);
        var side = d == SkstackDialect.Bp35C0 ? " 0" : string.Empty;
        return WireText.Line(string.Create(CultureInfo.InvariantCulture, $"SKSCAN 2 FFFFFFFF {durationExponent:X}{side}"));
    }

    /// <summary><c>SKSREG &lt;REG&gt; &lt;VAL&gt;</c>, e.g. <c>SKSREG S2 21</c> (channel), <c>SKSREG S3 8888</c>
    /// (PAN ID), <c>SKSREG SFE 0</c> (echo off).</summary>
    /// <exception cref="ArgumentException">The register is not S followed by 1–2 hexadecimal digits, or the value is
    /// not a printable ASCII token.</exception>
    public static byte[] SkSetRegister(string register, string value)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(value);
        if (!IsRegisterName(register))
        {
            throw new ArgumentException(
                "The register must be S followed by 1 or 2 hexadecimal digits, e.g. S2 or SFE.", nameof(register));
        }

        if (value.Length > 64 || !WireText.IsToken(value))
        {
            throw new ArgumentException("The register value must be printable ASCII without spaces.", nameof(value));
        }

        return WireText.Line($"SKSREG {register.ToUpperInvariant()} {value}");
    }

    /// <summary><c>SKLL64 &lt;MAC&gt;</c>: asks the dongle for the link-local address of a MAC address (answer: a
    /// bare address line, no OK). <see cref="SkstackAddress.LinkLocalFromMac"/> computes the same locally.</summary>
    /// <exception cref="ArgumentException">The MAC address is not 16 hexadecimal characters.</exception>
    public static byte[] SkLl64(string mac)
    {
        ArgumentNullException.ThrowIfNull(mac);
        if (!SkstackAddress.IsMacAddress(mac))
        {
            throw new ArgumentException("The MAC address must be exactly 16 hexadecimal characters.", nameof(mac));
        }

        return WireText.Line("SKLL64 " + mac.ToUpperInvariant());
    }

    /// <summary><c>SKJOIN &lt;IPADDR&gt;</c>: starts PANA authentication; EVENT 25 or 24 tells the outcome.</summary>
    /// <exception cref="ArgumentException">The address is not a full-form IPv6 address.</exception>
    public static byte[] SkJoin(string ipv6)
    {
        ArgumentNullException.ThrowIfNull(ipv6);
        SkstackAddress.ThrowIfNotFullForm(ipv6, nameof(ipv6));
        return WireText.Line("SKJOIN " + ipv6.ToUpperInvariant());
    }

    /// <summary><c>SKTERM</c>: ends the PANA session (EVENT 27 or 28 follows).</summary>
    public static byte[] SkTerm() => WireText.Line("SKTERM");

    /// <summary>
    /// <c>SKSENDTO &lt;HANDLE&gt; &lt;IPADDR&gt; &lt;PORT&gt; &lt;SEC&gt; [&lt;SIDE&gt;] &lt;DATALEN&gt; &lt;DATA&gt;</c>:
    /// sends a UDP datagram. PORT and DATALEN are four hexadecimal digits; SIDE (0, B-route) is written only for
    /// BP35C0-style firmware. DATA is raw and is not followed by CRLF: the dongle counts DATALEN bytes
    /// (smdn/Smdn.Net.SkStackIP: "SKSENDTO must terminate the command line without CRLF").
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The handle is outside 1–6.</exception>
    /// <exception cref="ArgumentException">The address is not full-form IPv6, or the data is empty or longer than
    /// <see cref="MaxSendToDataLength"/> bytes.</exception>
    public static byte[] SkSendTo(
        SkstackDialect d, int handle, string ipv6, ushort port, bool secured, ReadOnlySpan<byte> data)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(handle, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(handle, 6);
        ArgumentNullException.ThrowIfNull(ipv6);
        SkstackAddress.ThrowIfNotFullForm(ipv6, nameof(ipv6));
        if (data.Length is < 1 or > MaxSendToDataLength)
        {
            throw new ArgumentException(
                $"SKSENDTO data must be 1 to {MaxSendToDataLength} bytes, not {data.Length}.", nameof(data));
        }

        var side = d == SkstackDialect.Bp35C0 ? "0 " : string.Empty;
        var header = WireText.Encode(string.Create(
            CultureInfo.InvariantCulture,
            $"SKSENDTO {handle:X} {ipv6.ToUpperInvariant()} {port:X4} {(secured ? 1 : 0)} {side}{data.Length:X4} "));
        var bytes = new byte[header.Length + data.Length];
        header.CopyTo(bytes, 0);
        data.CopyTo(bytes.AsSpan(header.Length));
        return bytes;
    }

    /// <summary>
    /// <c>WOPT &lt;MODE&gt;</c> + bare CR: stores the ERXUDP data format in flash (<c>WOPT 01</c> hexadecimal ASCII,
    /// <c>WOPT 00</c> binary). The flash tolerates a limited number of writes, so read it with
    /// <see cref="ReadOption"/> first and write only when it differs.
    /// </summary>
    public static byte[] WriteOption(SkstackDataFormat f) =>
        WireText.Encode(f == SkstackDataFormat.HexAscii ? "WOPT 01\r" : "WOPT 00\r");

    /// <summary><c>ROPT</c> + bare CR: reads the ERXUDP data format; the answer is <c>OK 00</c> or <c>OK 01</c>
    /// ended by a bare CR (<see cref="SkstackOk.Value"/>).</summary>
    public static byte[] ReadOption() => WireText.Encode("ROPT\r");

    internal static bool IsRouteBId(ReadOnlySpan<char> id)
    {
        if (id.Length != 32)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsRegisterName(ReadOnlySpan<char> register) =>
        register.Length is 2 or 3 && register[0] is 'S' or 's' && AsciiHex.AreAllDigits(register[1..]);
}
