namespace Aizu.Consent;

/// <summary>
/// A consent operation was refused: a rule says no (a granularity finer than 30 minutes, a purpose the
/// city never published, withdrawing what is not in force …). The message is meant for the household
/// or installer as it stands; nothing was recorded.
/// </summary>
public sealed class ConsentException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and what would be accepted.</summary>
    public ConsentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the fault underneath it.</summary>
    public ConsentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ConsentException()
        : base("The consent operation was refused.")
    {
    }
}
