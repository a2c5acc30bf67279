namespace Aizu.Hardware.Skstack;

/// <summary>The fields of an ERXUDP line up to and including DATALEN.</summary>
internal sealed record ErxudpHeader(
    string Sender,
    string Destination,
    ushort RemotePort,
    ushort LocalPort,
    string SenderLinkLayerAddress,
    sbyte? Rssi,
    bool Secured,
    int? Side,
    int DataLength)
{
    public SkstackUdpReceived WithData(ReadOnlyMemory<byte> data) =>
        new(Sender, Destination, RemotePort, LocalPort, SenderLinkLayerAddress, Rssi, Secured, Side, data);
}
