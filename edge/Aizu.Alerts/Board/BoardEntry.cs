namespace Aizu.Alerts;

/// <summary>An alert on the board with what it supersedes: its own identity and every message it updated.</summary>
internal sealed record BoardEntry(CapAlert Alert, AlertClassification Classification, DateTimeOffset Expires, IReadOnlySet<MessageId> Thread);
