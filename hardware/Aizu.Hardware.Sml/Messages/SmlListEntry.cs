namespace Aizu.Hardware.Sml;

/// <summary>One SML_ListEntry of a GetList.Res: an OBIS object and its value.</summary>
/// <param name="ObjectName">The object's name; six bytes for an OBIS code.</param>
/// <param name="Status">The meter's status word for the value, if sent.</param>
/// <param name="ValueTime">When the value was measured, if sent.</param>
/// <param name="Unit">DLMS unit code (see <see cref="SmlUnits"/>), if sent.</param>
/// <param name="Scaler">Power of ten to multiply the value by, if sent.</param>
/// <param name="Value">The raw value.</param>
/// <param name="Signature">The value's signature, if sent.</param>
public sealed record SmlListEntry(
    byte[] ObjectName, ulong? Status, SmlTime? ValueTime, byte? Unit, sbyte? Scaler, SmlValue Value, byte[]? Signature)
{
    /// <summary>The OBIS code, or null when the name is not six bytes.</summary>
    public ObisCode? Obis => ObisCode.FromBytes(ObjectName);

    /// <summary>
    /// For integer values: value × 10^scaler, exact; otherwise null. Also null when the result does not fit a decimal
    /// (a scaler beyond about ±28 with a large value): such a value cannot be a meter reading, and must not stop the
    /// frame's other values from being read (see <see cref="IsUnusable"/>).
    /// </summary>
    public decimal? ScaledValue => Scale(Value.Number, Scaler ?? 0);

    /// <summary>Whether the entry carries a value that cannot be used: an integer whose scaled value does not fit, or
    /// a value of a type the gateway cannot read.</summary>
    public bool IsUnusable => Value.Kind == SmlValueKind.Unsupported || (Value.Number is not null && ScaledValue is null);

    private static decimal? Scale(decimal? number, int scaler)
    {
        if (number is not { } n)
        {
            return null;
        }

        // decimal holds 28-29 significant digits: 10^28 is the largest power of ten it can multiply or divide by.
        const int MaxPower = 28;
        if (n == 0)
        {
            return 0;
        }

        if (Math.Abs(scaler) > MaxPower)
        {
            return null;
        }

        decimal factor = 1;
        for (int i = 0; i < Math.Abs(scaler); i++)
        {
            factor *= 10;
        }

        try
        {
            return scaler >= 0 ? n * factor : n / factor;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
