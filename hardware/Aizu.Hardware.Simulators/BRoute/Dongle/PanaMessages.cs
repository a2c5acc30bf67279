namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// Datagrams the meter sends on UDP port 716 during PANA authentication (RFC 5191), printed as ERXUDP like every other
/// datagram. Drivers only need to skip them; they are shaped like PANA so a capture of the simulator looks real.
/// </summary>
internal static class PanaMessages
{
    public const ushort Port = 0x02CC;

    private const ushort AuthMessageType = 2;
    private const ushort RequestFlag = 0x8000;
    private const ushort CompleteFlag = 0x2000;
    private const ushort EapPayloadAvp = 2;

    /// <summary>A PANA-Auth-Request carrying an EAP payload; <paramref name="complete"/> sets the C flag of the
    /// final message.</summary>
    public static byte[] AuthRequest(uint sessionId, uint sequence, bool complete)
    {
        var message = new byte[40];
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)message.Length);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(4), (ushort)(RequestFlag | (complete ? CompleteFlag : 0)));
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(6), AuthMessageType);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(8), sessionId);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(12), sequence);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(16), EapPayloadAvp);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(20), 16);

        // An EAP-Request (code 1) of type EAP-PSK (47) with a fixed nonce: the content is never checked.
        message[24] = 0x01;
        message[25] = (byte)sequence;
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(26), 16);
        message[28] = 0x2F;
        for (var i = 29; i < message.Length; i++)
        {
            message[i] = (byte)(i * 37);
        }

        return message;
    }
}
