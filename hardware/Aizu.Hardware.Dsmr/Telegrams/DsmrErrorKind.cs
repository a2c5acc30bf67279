namespace Aizu.Hardware.Dsmr;

/// <summary>Why a telegram was rejected.</summary>
public enum DsmrErrorKind
{
    /// <summary>A line is not an OBIS object, or a value does not have the form its object needs.</summary>
    Garbled = 0,

    /// <summary>The bytes do not start with the header <c>/XXX5…</c>.</summary>
    BadHeader = 1,

    /// <summary>The end <c>!</c> is missing or the last line is unfinished: the telegram was cut off.</summary>
    CutOff = 2,

    /// <summary>The CRC after <c>!</c> does not match the telegram: bytes were lost or changed on the line.</summary>
    ChecksumMismatch = 3,

    /// <summary>The CRC after <c>!</c> is not four hexadecimal digits followed by the line end.</summary>
    MalformedChecksum = 4,

    /// <summary>A CRC is required (DSMR 4.0 and later, e-MUCS) but the telegram has none.</summary>
    ChecksumMissing = 5,

    /// <summary>The same object appears twice.</summary>
    Duplicate = 6,
}
