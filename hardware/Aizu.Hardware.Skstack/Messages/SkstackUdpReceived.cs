namespace Aizu.Hardware.Skstack;

/// <summary>A received UDP datagram (<c>ERXUDP</c>).</summary>
/// <param name="Sender">Sender IPv6 address as printed (full form).</param>
/// <param name="Destination">Destination IPv6 address as printed (full form; may be multicast).</param>
/// <param name="RemotePort">Sender's UDP port (0x0E1A = 3610 for ECHONET Lite, 0x02CC = 716 for PANA).</param>
/// <param name="LocalPort">Our UDP port.</param>
/// <param name="SenderLinkLayerAddress">Sender's 64-bit MAC address, 16 hexadecimal characters.</param>
/// <param name="Rssi">Received signal strength in dBm, only when the firmware prints it (BP35C0 style, optional).</param>
/// <param name="Secured">True when the MAC frame was encrypted, i.e. it came through the PANA session.</param>
/// <param name="Side">BP35C0-style firmware only: 0 = B-route, 1 = HAN.</param>
/// <param name="Data">The UDP payload.</param>
/// <remarks>Equality compares <paramref name="Data"/> by content, so messages can be compared in tests and
/// de-duplicated by drivers.</remarks>
public sealed record SkstackUdpReceived(
    string Sender,
    string Destination,
    ushort RemotePort,
    ushort LocalPort,
    string SenderLinkLayerAddress,
    sbyte? Rssi,
    bool Secured,
    int? Side,
    ReadOnlyMemory<byte> Data) : SkstackMessage
{
    /// <inheritdoc />
    public bool Equals(SkstackUdpReceived? other) =>
        other is not null
        && string.Equals(Sender, other.Sender, StringComparison.Ordinal)
        && string.Equals(Destination, other.Destination, StringComparison.Ordinal)
        && RemotePort == other.RemotePort
        && LocalPort == other.LocalPort
        && string.Equals(SenderLinkLayerAddress, other.SenderLinkLayerAddress, StringComparison.Ordinal)
        && Rssi == other.Rssi
        && Secured == other.Secured
        && Side == other.Side
        && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(Sender),
        StringComparer.Ordinal.GetHashCode(Destination),
        RemotePort,
        LocalPort,
        Rssi,
        Secured,
        Side,
        Data.Length);
}
