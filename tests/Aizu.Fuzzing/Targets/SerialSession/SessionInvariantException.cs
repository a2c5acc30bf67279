namespace Aizu.Fuzzing;

/// <summary>A session target's driver ran without an exception but broke one of the target's invariants (a reading
/// that is not plausible, a valid frame it lost): a crash to the fuzzer, like an exception from the driver.</summary>
public sealed class SessionInvariantException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SessionInvariantException()
    {
    }

    /// <summary>Creates the exception with what was broken.</summary>
    public SessionInvariantException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what was broken and why.</summary>
    public SessionInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
