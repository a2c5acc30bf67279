namespace Aizu.Wire;

/// <summary>The household's "I'm safe" answer to a city alert: which alert, and the window it was given in, never the exact time.</summary>
/// <param name="Alert">The CAP reference of the alert (<c>sender,identifier,sent</c>).</param>
/// <param name="Window">Start of the granularity window the answer was given in (whole seconds).</param>
/// <param name="Aggregation">The window length (ISO 8601 duration).</param>
/// <param name="Pseudonym">The data set's pseudonym.</param>
public sealed record AlertAckMessage(string Alert, DateTimeOffset Window, string Aggregation, string Pseudonym);
