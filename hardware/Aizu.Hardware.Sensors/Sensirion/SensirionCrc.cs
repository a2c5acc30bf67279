namespace Aizu.Hardware.Sensors;

/// <summary>The CRC-8 Sensirion chips append to each 16-bit word: polynomial 0x31, initial value 0xFF.</summary>
internal static class SensirionCrc
{
    public static byte Compute(byte msb, byte lsb)
    {
        byte crc = 0xFF;
        crc = Step((byte)(crc ^ msb));
        return Step((byte)(crc ^ lsb));
    }

    private static byte Step(byte crc)
    {
        for (int bit = 0; bit < 8; bit++)
        {
            crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x31) : (byte)(crc << 1);
        }

        return crc;
    }
}
