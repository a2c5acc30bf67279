namespace Aizu.Hardware.Dsmr;

/// <summary>
/// An OBIS reference as DSMR writes it, <c>A-B:C.D.E</c> (for example <c>1-0:1.8.1</c>): A is the medium (1
/// electricity, 0 abstract), B the channel (0 the meter itself, 1–4 M-Bus devices), C.D.E the quantity.
/// </summary>
public readonly record struct ObisCode(byte A, byte B, byte C, byte D, byte E)
{
    /// <summary>Formats as <c>A-B:C.D.E</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{A}-{B}:{C}.{D}.{E}");

    /// <summary>Whether this is the electricity object C.D.E of the meter itself (A = 1, B = 0).</summary>
    public bool IsElectricity(byte c, byte d, byte e) => A == 1 && B == 0 && C == c && D == d && E == e;

    /// <summary>Whether this is the abstract object C.D.E (A = 0) of channel <see cref="B"/>.</summary>
    public bool IsAbstract(byte c, byte d, byte e) => A == 0 && C == c && D == d && E == e;
}
