namespace Aizu.Testing;

/// <summary>Keeps every log line so a test can check what an operator would read.</summary>
/// <typeparam name="T">The category, as for <see cref="ILogger{TCategoryName}"/>.</typeparam>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    /// <summary>Every line so far, in the order written.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. entries];

    /// <summary>Every line so far, one per line, for failure messages.</summary>
    public string Text => string.Join(Environment.NewLine, entries);

    /// <summary>Whether a line at <paramref name="level"/> contains <paramref name="fragment"/> (case ignored).</summary>
    public bool Contains(LogLevel level, string fragment) =>
        entries.Any(e => e.Level == level && e.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    /// <summary>How many lines carry event id <paramref name="eventId"/>.</summary>
    public int Count(int eventId) => entries.Count(e => e.Id.Id == eventId);

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception)));
    }
}
