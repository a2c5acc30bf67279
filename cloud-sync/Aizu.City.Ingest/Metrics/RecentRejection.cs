namespace Aizu.City.Ingest;

/// <summary>One refused message as operators see it: never its payload, only where it came from and why.</summary>
/// <param name="At">When it was refused.</param>
/// <param name="Reason">One of <see cref="RejectionReasons"/>.</param>
/// <param name="Topic">Its topic.</param>
/// <param name="MessageId">Its msg-id property, when it had one.</param>
/// <param name="Detail">What exactly was wrong.</param>
public sealed record RecentRejection(DateTimeOffset At, string Reason, string Topic, string? MessageId, string Detail);
