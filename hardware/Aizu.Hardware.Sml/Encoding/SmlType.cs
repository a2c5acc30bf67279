namespace Aizu.Hardware.Sml;

/// <summary>The type bits of an SML type-length field.</summary>
internal enum SmlType
{
    OctetString = 0,
    Boolean = 4,
    Signed = 5,
    Unsigned = 6,
    List = 7,
}
