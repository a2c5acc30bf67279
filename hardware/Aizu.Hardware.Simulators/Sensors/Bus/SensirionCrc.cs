namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// The CRC-8 Sensirion appends to every 16-bit word (polynomial 0x31, initial value 0xFF, no final
/// XOR), written here independently of any driver so the simulators check drivers rather than agree with them.
/// </summary>
public static class SensirionCrc
{
    /// <summary>The CRC of <paramref name="word"/>'s two bytes, most significant first.</summary>
    public static byte Compute(ushort word)
    {
        byte crc = 0xFF;
        foreach (byte b in (ReadOnlySpan<byte>)[(byte)(word >> 8), (byte)word])
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x31) : (byte)(crc << 1);
            }
        }

        return crc;
    }

    /// <summary>Writes <paramref name="word"/> and its CRC as the three bytes the chip sends.</summary>
    public static void WriteWord(Span<byte> destination, ushort word, bool corruptCrc)
    {
        destination[0] = (byte)(word >> 8);
        destination[1] = (byte)word;

        // Flipping bits always yields a different byte, so a corrupted CRC never matches by chance.
        destination[2] = corruptCrc ? (byte)(Compute(word) ^ 0x5A) : Compute(word);
    }
}
