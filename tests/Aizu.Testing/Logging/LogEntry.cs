namespace Aizu.Testing;

/// <summary>One log line as the code under test wrote it.</summary>
/// <param name="Level">Level.</param>
/// <param name="Id">Event id.</param>
/// <param name="Message">The formatted message, as an operator reads it.</param>
public readonly record struct LogEntry(LogLevel Level, EventId Id, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Level}: {Message}";
}
