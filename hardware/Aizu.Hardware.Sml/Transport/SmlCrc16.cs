namespace Aizu.Hardware.Sml;

/// <summary>
/// CRC-16/X-25 as SML uses it: polynomial 0x1021 reflected (0x8408), initial value 0xFFFF, final XOR 0xFFFF. SML sends
/// the result low byte first, both in the transport trailer and in each message's CRC field.
/// </summary>
public static class SmlCrc16
{
    private static readonly ReflectedCrc16 X25 = new(0x8408, 0xFFFF, 0xFFFF);

    /// <summary>The CRC-16/X-25 of <paramref name="data"/> (0x906E for the ASCII string "123456789").</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => X25.Compute(data);

    /// <summary>The CRC as an SML message's unsigned16 CRC field holds it (bytes swapped, since the field is
    /// big-endian but the CRC is sent low byte first).</summary>
    public static ushort ComputeForMessage(ReadOnlySpan<byte> message)
    {
        ushort crc = Compute(message);
        return (ushort)((crc >> 8) | (crc << 8));
    }
}
