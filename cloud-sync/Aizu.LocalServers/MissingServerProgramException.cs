namespace Aizu.LocalServers;

/// <summary>A server program the demo or a test needs is not installed; the message is one line saying what to install.</summary>
public sealed class MissingServerProgramException : InvalidOperationException
{
    /// <summary>Creates the error for <paramref name="program"/>, expected at <paramref name="path"/>; <paramref name="installHint"/> says what to install.</summary>
    public MissingServerProgramException(string program, string path, string installHint)
        : base($"{program} is not installed ({path} is missing): {installHint}.")
    {
    }

    /// <summary>Creates the error with a message of the caller's.</summary>
    public MissingServerProgramException()
    {
    }

    /// <summary>Creates the error with a message of the caller's.</summary>
    public MissingServerProgramException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message of the caller's and its cause.</summary>
    public MissingServerProgramException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
