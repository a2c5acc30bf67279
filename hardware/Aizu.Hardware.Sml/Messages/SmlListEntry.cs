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

    /// <summary>For integer values: value × 10^scaler, exact; otherwise null.</summary>
    public decimal? ScaledValue
    {
        get
        {
            if (Value.Number is not { } number)
            {
                return null;
            }

            int scaler = Scaler ?? 0;
            decimal factor = 1;
            for (int i = 0; i < Math.Abs(scaler); i++)
            {
                factor *= 10;
            }

            return scaler >= 0 ? number * factor : number / factor;
        }
    }
}
