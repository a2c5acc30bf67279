namespace Aizu.Hardware.Serial.Checksums;

/// <summary>
/// A table-driven CRC-16 of the reflected kind (least significant bit first), the kind serial meter protocols
/// append: CRC-16/ARC for DSMR P1 telegrams, CRC-16/X-25 for SML. One instance per variant, made once.
/// </summary>
/// <param name="reflectedPolynomial">The polynomial, bit-reversed (0xA001 for 0x8005, 0x8408 for 0x1021).</param>
/// <param name="initial">The register's value before the first byte.</param>
/// <param name="finalXor">XORed onto the register after the last byte.</param>
public sealed class ReflectedCrc16(ushort reflectedPolynomial, ushort initial, ushort finalXor)
{
    private readonly ushort[] _table = BuildTable(reflectedPolynomial);

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = initial;
        foreach (byte b in data)
        {
            crc = (ushort)((crc >> 8) ^ _table[(crc ^ b) & 0xFF]);
        }

        return (ushort)(crc ^ finalXor);
    }

    private static ushort[] BuildTable(ushort polynomial)
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            ushort crc = (ushort)i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ polynomial) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
