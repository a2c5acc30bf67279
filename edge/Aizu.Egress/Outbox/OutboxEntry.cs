namespace Aizu.Egress;

/// <summary>One outbox message as the panel shows it.</summary>
/// <param name="MessageId">Message id.</param>
/// <param name="Kind">Data, consent state or deletion request.</param>
/// <param name="Topic">Topic.</param>
/// <param name="ConsentReference"><c>consent-id@version</c>, or null.</param>
/// <param name="CreatedAt">When the egress policy made it.</param>
/// <param name="State">Pending, delivered or dropped.</param>
/// <param name="Attempts">Sends that completed (acknowledged or not).</param>
/// <param name="NextAttemptAt">Earliest next send, for pending messages.</param>
/// <param name="LastReasonCode">Last PUBACK reason code, or null (none yet, or the connection ended first).</param>
/// <param name="LastReason">Last failure or drop reason.</param>
/// <param name="FinishedAt">When it was delivered or dropped.</param>
public sealed record OutboxEntry(
    string MessageId,
    MessageKind Kind,
    string Topic,
    string? ConsentReference,
    DateTimeOffset CreatedAt,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    int? LastReasonCode,
    string? LastReason,
    DateTimeOffset? FinishedAt);
