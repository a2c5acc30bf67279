namespace Aizu.Hardware.Sml;

/// <summary>Why SML bytes were rejected.</summary>
public enum SmlErrorKind
{
    /// <summary>The TLV structure is not an SML file (wrong type, length past the end, wrong list size).</summary>
    Malformed = 0,

    /// <summary>The frame does not start with <c>1b1b1b1b 01010101</c>.</summary>
    BadStart = 1,

    /// <summary>The frame has no end sequence <c>1b1b1b1b 1a</c>, or a message or value ends before its length says:
    /// it was cut off.</summary>
    Truncated = 2,

    /// <summary>The transport CRC does not match the frame: bytes were lost or changed on the line.</summary>
    ChecksumMismatch = 3,
}
