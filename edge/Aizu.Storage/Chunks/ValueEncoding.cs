namespace Aizu.Storage;

/// <summary>How a chunk encodes its values; chosen per chunk from the values themselves.</summary>
internal enum ValueEncoding : byte
{
    /// <summary>
    /// Every value is an integer after scaling by a power of ten (watts, or kWh in 0.1 steps): deltas,
    /// zigzagged, Rice-coded with a per-chunk parameter.
    /// </summary>
    ScaledInteger = 0,

    /// <summary>Anything else: Gorilla's XOR of consecutive IEEE 754 bit patterns.</summary>
    Xor = 1,
}
