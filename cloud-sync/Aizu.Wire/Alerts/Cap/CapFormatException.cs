namespace Aizu.Wire;

/// <summary>A document is not a CAP alert this gateway accepts; the message says what is wrong and where.</summary>
public sealed class CapFormatException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CapFormatException()
        : base("The document is not a valid CAP alert.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public CapFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the underlying cause.</summary>
    public CapFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
