namespace Aizu.Hardware.BRoute;

/// <summary>The PANA session with the meter ended (failed re-authentication, termination, or a silent meter).</summary>
public sealed class SessionLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SessionLostException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SessionLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SessionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
