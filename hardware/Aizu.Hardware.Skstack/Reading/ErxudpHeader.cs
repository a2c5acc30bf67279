namespace Aizu.Hardware.Skstack;

/// <summary>The fields of an ERXUDP line up to and including DATALEN: the datagram without its payload yet.</summary>
/// <param name="Datagram">Every field but the payload, which is empty.</param>
/// <param name="DataLength">DATALEN: how many payload bytes follow.</param>
internal sealed record ErxudpHeader(SkstackUdpReceived Datagram, int DataLength)
{
    public SkstackUdpReceived WithData(ReadOnlyMemory<byte> data) => Datagram with { Data = data };
}
