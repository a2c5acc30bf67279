namespace Aizu.Hardware.Dsmr;

/// <summary>
/// The CRC that DSMR 4.0 and later (and e-MUCS) append after <c>!</c>: CRC-16/ARC (polynomial 0x8005 reflected, i.e.
/// 0xA001, initial value 0, no final XOR) over every byte from <c>/</c> up to and including <c>!</c>.
/// </summary>
public static class DsmrCrc16
{
    private static readonly ReflectedCrc16 Arc = new(0xA001, 0, 0);

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Arc.Compute(data);
}
