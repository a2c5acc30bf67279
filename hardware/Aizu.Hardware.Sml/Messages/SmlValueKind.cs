namespace Aizu.Hardware.Sml;

/// <summary>The type of an <see cref="SmlValue"/>.</summary>
public enum SmlValueKind
{
    /// <summary>No value (the optional field was not set).</summary>
    None = 0,

    /// <summary>An octet string (identifiers, firmware versions).</summary>
    Bytes = 1,

    /// <summary>A boolean.</summary>
    Boolean = 2,

    /// <summary>A signed integer of 8 to 64 bits.</summary>
    SignedInteger = 3,

    /// <summary>An unsigned integer of 8 to 64 bits.</summary>
    UnsignedInteger = 4,

    /// <summary>A value of a well-formed type the gateway cannot read (an integer wider than 64 bits); it was skipped
    /// by its length, so the rest of the file is still read.</summary>
    Unsupported = 5,
}
