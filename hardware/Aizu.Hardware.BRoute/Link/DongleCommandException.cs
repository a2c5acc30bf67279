namespace Aizu.Hardware.BRoute;

/// <summary>The dongle answered a command with <c>FAIL ERxx</c>, or not at all.</summary>
public sealed class DongleCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DongleCommandException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DongleCommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DongleCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
