namespace Aizu.Hardware.Sml;

/// <summary>An OBIS code as SML carries it: six bytes A-B:C.D.E*F, for example 1-0:1.8.0*255 for imported energy.</summary>
public readonly record struct ObisCode(byte A, byte B, byte C, byte D, byte E, byte F)
{
    /// <summary>The code in six bytes, or null when <paramref name="bytes"/> is not six bytes long.</summary>
    public static ObisCode? FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 6 ? new ObisCode(bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]) : null;

    /// <summary>Whether this is electricity object C.D.E of the meter itself (A = 1, B = 0), whatever F is.</summary>
    public bool IsElectricity(byte c, byte d, byte e) => A == 1 && B == 0 && C == c && D == d && E == e;

    /// <summary>Formats as <c>A-B:C.D.E*F</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{A}-{B}:{C}.{D}.{E}*{F}");
}
