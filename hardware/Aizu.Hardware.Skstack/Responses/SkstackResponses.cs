namespace Aizu.Hardware.Skstack;

/// <summary>
/// What a SKSTACK-IP dongle prints, for the simulator. Every method returns the exact bytes, CRLF-terminated; the
/// output reads back through <see cref="SkstackReader"/> into the message it was made from.
/// </summary>
/// <remarks>
/// Layouts follow the golden lines quoted on <see cref="SkstackReader"/> and <see cref="ErxudpLayout"/>:
/// BP35A1 lines carry no SIDE, BP35C0-style lines carry SIDE 0 (B-route). RSSI, which BP35C0-style firmware prints
/// only when enabled, is written only when the message has one.
/// </remarks>
public static class SkstackResponses
{
    private const string LineEnd = "\r\n";

    /// <summary><c>OK</c>.</summary>
    public static byte[] Ok() => WireText.Line("OK");

    /// <summary>The answer to ROPT: <c>OK 00</c> or <c>OK 01</c> ended by a bare CR, as the product-configuration
    /// commands answer (smdn/Smdn.Net.SkStackIP tests/Smdn.Devices.BP35XX/.../BP35A1.Commands.cs).</summary>
    public static byte[] ReadOptionResult(SkstackDataFormat f) =>
        WireText.Encode(f == SkstackDataFormat.HexAscii ? "OK 01\r" : "OK 00\r");

    /// <summary><c>FAIL &lt;code&gt;</c>, e.g. <c>FAIL ER06</c>.</summary>
    /// <exception cref="ArgumentException">The code is not a printable token.</exception>
    public static byte[] Fail(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowIfNotToken(code, nameof(code));
        return WireText.Line("FAIL " + code);
    }

    /// <summary><c>EVER &lt;version&gt;</c>, the answer to SKVER before its OK.</summary>
    /// <exception cref="ArgumentException">The version is not a printable token.</exception>
    public static byte[] Version(string v)
    {
        ArgumentNullException.ThrowIfNull(v);
        ThrowIfNotToken(v, nameof(v));
        return WireText.Line("EVER " + v);
    }

    /// <summary>
    /// <c>EVENT &lt;NUM&gt; &lt;SENDER&gt; [0] [&lt;PARAM&gt;]</c>: SIDE 0 is printed on BP35C0-style firmware only.
    /// </summary>
    /// <exception cref="ArgumentException">The sender is not a full-form IPv6 address.</exception>
    public static byte[] Event(SkstackDialect d, SkstackEventCode code, string sender, byte? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        SkstackAddress.ThrowIfNotFullForm(sender, nameof(sender));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"EVENT {(byte)code:X2} {sender}");
        if (d == SkstackDialect.Bp35C0)
        {
            text.Append(" 0");
        }

        if (parameter is { } value)
        {
            text.Append(CultureInfo.InvariantCulture, $" {value:X2}");
        }

        return WireText.Line(text.ToString());
    }

    /// <summary>The whole EPANDESC block with two-space indentation; BP35C0 style adds <c>Side:0</c> before PairID.</summary>
    /// <exception cref="ArgumentException">The MAC address is not 16 hexadecimal characters or the PairID is not a
    /// printable token.</exception>
    public static byte[] PanDescriptor(SkstackDialect d, SkstackPanDescriptor pan)
    {
        ArgumentNullException.ThrowIfNull(pan);
        if (!SkstackAddress.IsMacAddress(pan.MacAddress))
        {
            throw new ArgumentException("The MAC address must be exactly 16 hexadecimal characters.", nameof(pan));
        }

        if (pan.PairId is not null && !WireText.IsToken(pan.PairId))
        {
            throw new ArgumentException("The PairID must be printable ASCII without spaces.", nameof(pan));
        }

        var text = new StringBuilder();
        text.Append("EPANDESC").Append(LineEnd);
        text.Append(CultureInfo.InvariantCulture, $"  Channel:{pan.Channel:X2}{LineEnd}");
        text.Append(CultureInfo.InvariantCulture, $"  Channel Page:{pan.ChannelPage:X2}{LineEnd}");
        text.Append(CultureInfo.InvariantCulture, $"  Pan ID:{pan.PanId:X4}{LineEnd}");
        text.Append(CultureInfo.InvariantCulture, $"  Addr:{pan.MacAddress}{LineEnd}");
        text.Append(CultureInfo.InvariantCulture, $"  LQI:{pan.Lqi:X2}{LineEnd}");
        if (d == SkstackDialect.Bp35C0)
        {
            text.Append("  Side:0").Append(LineEnd);
        }

        if (pan.PairId is not null)
        {
            text.Append("  PairID:").Append(pan.PairId).Append(LineEnd);
        }

        return WireText.Encode(text.ToString());
    }

    /// <summary>A bare address line, the answer to SKLL64 (no OK follows).</summary>
    /// <exception cref="ArgumentException">The address is not a full-form IPv6 address.</exception>
    public static byte[] AddressLine(string ipv6)
    {
        ArgumentNullException.ThrowIfNull(ipv6);
        SkstackAddress.ThrowIfNotFullForm(ipv6, nameof(ipv6));
        return WireText.Line(ipv6);
    }

    /// <summary>
    /// <c>ERXUDP</c>: BP35A1 <c>… &lt;SENDERLLA&gt; &lt;SECURED&gt; &lt;DATALEN&gt; &lt;DATA&gt;</c>; BP35C0 style
    /// <c>… &lt;SENDERLLA&gt; [&lt;RSSI&gt;] &lt;SECURED&gt; &lt;SIDE&gt; &lt;DATALEN&gt; &lt;DATA&gt;</c>, SIDE defaulting
    /// to 0. DATA is raw for <see cref="SkstackDataFormat.Binary"/> and upper-case hexadecimal otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">An address is not full form, the link-layer address is not 16 hexadecimal
    /// characters, the side is not 0–9, or the data is longer than 0xFFFF bytes.</exception>
    public static byte[] UdpReceived(SkstackDialect d, SkstackDataFormat f, SkstackUdpReceived m)
    {
        ArgumentNullException.ThrowIfNull(m);
        SkstackAddress.ThrowIfNotFullForm(m.Sender, nameof(m));
        SkstackAddress.ThrowIfNotFullForm(m.Destination, nameof(m));
        if (!SkstackAddress.IsMacAddress(m.SenderLinkLayerAddress))
        {
            throw new ArgumentException("SenderLinkLayerAddress must be 16 hexadecimal characters.", nameof(m));
        }

        if (m.Side is < 0 or > 9 || m.Data.Length > ushort.MaxValue)
        {
            throw new ArgumentException("Side must be 0-9 and Data at most 65535 bytes.", nameof(m));
        }

        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"ERXUDP {m.Sender} {m.Destination} {m.RemotePort:X4} {m.LocalPort:X4} ");
        header.Append(m.SenderLinkLayerAddress).Append(' ');
        if (d == SkstackDialect.Bp35C0 && m.Rssi is { } rssi)
        {
            header.Append(ErxudpLayout.FormatRssi(rssi)).Append(' ');
        }

        header.Append(m.Secured ? '1' : '0').Append(' ');
        if (d == SkstackDialect.Bp35C0)
        {
            header.Append(CultureInfo.InvariantCulture, $"{m.Side ?? 0} ");
        }

        header.Append(CultureInfo.InvariantCulture, $"{m.Data.Length:X4} ");
        if (f == SkstackDataFormat.HexAscii)
        {
            return WireText.Line(header.Append(Convert.ToHexString(m.Data.Span)).ToString());
        }

        var head = WireText.Encode(header.ToString());
        var bytes = new byte[head.Length + m.Data.Length + LineEnd.Length];
        head.CopyTo(bytes, 0);
        m.Data.Span.CopyTo(bytes.AsSpan(head.Length));
        bytes[^2] = (byte)'\r';
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>The dongle echoing a command line (echo is on until <c>SKSREG SFE 0</c>).</summary>
    /// <exception cref="ArgumentException">The line holds a line end or non-printable characters.</exception>
    public static byte[] Echo(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!WireText.IsPrintable(line))
        {
            throw new ArgumentException("An echoed line must be printable ASCII without line ends.", nameof(line));
        }

        return WireText.Line(line);
    }

    private static void ThrowIfNotToken(string value, string parameterName)
    {
        if (!WireText.IsToken(value))
        {
            throw new ArgumentException("The value must be printable ASCII without spaces.", parameterName);
        }
    }
}
