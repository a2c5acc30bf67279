namespace Aizu.Packaging.Tests;

/// <summary>How a program ended and what it printed.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error);
