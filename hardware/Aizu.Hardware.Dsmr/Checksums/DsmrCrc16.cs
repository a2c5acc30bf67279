namespace Aizu.Hardware.Dsmr;

/// <summary>
/// The CRC that DSMR 4.0 and later (and e-MUCS) append after <c>!</c>: CRC-16/ARC (polynomial 0x8005 reflected, i.e.
/// 0xA001, initial value 0, no final XOR) over every byte from <c>/</c> up to and including <c>!</c>.
/// </summary>
public static class DsmrCrc16
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (byte b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            ushort crc = (ushort)i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
