namespace Aizu.Testing;

/// <summary>How a program ended and what it printed.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>Its standard output followed by its standard error, for a failure message.</summary>
    public string Printed => Output + Error;
}
