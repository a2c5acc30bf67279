namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Thrown when bytes are not a valid DSMR P1 telegram; <see cref="Kind"/> says which rule was broken and the message
/// says where, in words an installer can act on.
/// </summary>
/// <remarks>Derives from <see cref="FormatException"/> so generic handlers of malformed input keep working.</remarks>
public sealed class DsmrFormatException : FormatException
{
    /// <summary>Creates an exception of kind <see cref="DsmrErrorKind.Garbled"/>.</summary>
    public DsmrFormatException()
    {
    }

    /// <summary>Creates an exception of kind <see cref="DsmrErrorKind.Garbled"/>.</summary>
    public DsmrFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="DsmrErrorKind.Garbled"/>.</summary>
    public DsmrFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for <paramref name="error"/>.</summary>
    public DsmrFormatException(DsmrError error)
        : base(error.Message) => Kind = error.Kind;

    /// <summary>Which rule the telegram broke.</summary>
    public DsmrErrorKind Kind { get; } = DsmrErrorKind.Garbled;
}
