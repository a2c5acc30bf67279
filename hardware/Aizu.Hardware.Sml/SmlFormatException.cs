namespace Aizu.Hardware.Sml;

/// <summary>
/// Thrown when bytes are not a valid SML 1.04 transport frame or file; <see cref="Kind"/> says which rule was broken
/// and the message says where.
/// </summary>
/// <remarks>Derives from <see cref="FormatException"/> so generic handlers of malformed input keep working.</remarks>
public sealed class SmlFormatException : FormatException
{
    /// <summary>Creates an exception of kind <see cref="SmlErrorKind.Malformed"/>.</summary>
    public SmlFormatException()
    {
    }

    /// <summary>Creates an exception of kind <see cref="SmlErrorKind.Malformed"/>.</summary>
    public SmlFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="SmlErrorKind.Malformed"/>.</summary>
    public SmlFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception of <paramref name="kind"/>.</summary>
    public SmlFormatException(SmlErrorKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>Which rule the bytes broke.</summary>
    public SmlErrorKind Kind { get; } = SmlErrorKind.Malformed;

    /// <summary>This exception as an <see cref="SmlError"/>.</summary>
    public SmlError ToError() => new(Kind, Message);
}
