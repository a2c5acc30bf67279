namespace Aizu.Egress;

internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Released {Category} {Granularity} window starting {WindowStart:O} under {ConsentReference} as message {MessageId}")]
    public static partial void WindowReleased(this ILogger logger, string category, string granularity, DateTimeOffset windowStart, string consentReference, string messageId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Egress policy refused the window starting {WindowStart:O} under {ConsentReference}: {Reason}")]
    public static partial void WindowRefused(this ILogger logger, DateTimeOffset windowStart, string consentReference, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Dropped {Count} unsent message(s) of consent {ConsentId}: {Reason}")]
    public static partial void PendingDropped(this ILogger logger, int count, string consentId, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information,
        Message = "Consent state of data set {Purpose} {Period} changed to [{Grants}]; retained state queued as message {MessageId}")]
    public static partial void ConsentStateQueued(this ILogger logger, string purpose, string period, string grants, string messageId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information,
        Message = "Deletion request for {ConsentReference} in data set {Pseudonym} queued as message {MessageId}")]
    public static partial void DeletionQueued(this ILogger logger, string consentReference, string pseudonym, string messageId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error,
        Message = "Egress pass failed: {Reason} Nothing was sent or lost; it runs again at the next tick")]
    public static partial void PassFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Error,
        Message = "Egress pass failed unexpectedly; it runs again at the next tick")]
    public static partial void PassFailedUnexpectedly(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning,
        Message = "Watching consent changes failed; retrying in {Delay}")]
    public static partial void WatchFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information,
        Message = "Grant {ConsentReference} asks for {Category}, which this gateway has no measurements for; nothing is released")]
    public static partial void CategoryNotMeasured(this ILogger logger, string consentReference, string category);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning,
        Message = "Message {MessageId} was not delivered (attempt {Attempt}, reason {ReasonCode}): {Reason}")]
    public static partial void DeliveryFailed(this ILogger logger, string messageId, int attempt, int? reasonCode, string reason);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information,
        Message = "Alert acknowledgement for {AlertReference} queued under {ConsentReference} as message {MessageId}")]
    public static partial void AcknowledgementQueued(this ILogger logger, string alertReference, string consentReference, string messageId);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information,
        Message = "Alert acknowledgement for {AlertReference} kept on the gateway: {Reason}")]
    public static partial void AcknowledgementNotSent(this ILogger logger, string alertReference, string reason);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information,
        Message = "Pruned {Count} delivered outbox message(s) finished before {Before:O}; the egress log keeps them")]
    public static partial void OutboxPruned(this ILogger logger, int count, DateTimeOffset before);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Critical,
        Message = "Egress STOPPED, nothing leaves this gateway: the consent ledger cannot be trusted: {Problem} {Remedy}")]
    public static partial void EgressStopped(this ILogger logger, string problem, string remedy);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning,
        Message = "Egress resumed: the consent ledger checks out again (re-confirmed by the household up to event {HeadSeq})")]
    public static partial void EgressResumed(this ILogger logger, long headSeq);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Error,
        Message = "Outbox message {MessageId} ({Kind}, topic {Topic}) QUARANTINED and not sent: {Reason}")]
    public static partial void OutboxQuarantined(this ILogger logger, string messageId, string kind, string topic, string reason);

    [LoggerMessage(EventId = 4116, Level = LogLevel.Error,
        Message = "The consent integrity check itself failed; egress stays stopped: {Reason}")]
    public static partial void IntegrityCheckFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4117, Level = LogLevel.Debug,
        Message = "Message {MessageId} waits until the consent state of its data set {Pseudonym} listing its reference is delivered")]
    public static partial void WaitingForConsentState(this ILogger logger, string messageId, string pseudonym);

    [LoggerMessage(EventId = 4118, Level = LogLevel.Warning,
        Message = "Deletion confirmation on {Topic} refused: {Reason}")]
    public static partial void DeletionConfirmationRefused(this ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 4119, Level = LogLevel.Information,
        Message = "{Recipient} confirmed deleting {Rows} window(s) of {ConsentReference} in data set {Pseudonym} on {At:O}")]
    public static partial void DeletionConfirmed(this ILogger logger, string recipient, long rows, string consentReference, string pseudonym, DateTimeOffset at);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning,
        Message = "Outbox over its budget of {Budget} data windows (the city's broker has been away long): dropped the {Count} oldest unsent window(s), made {From:O} to {To:O}; they never left the home")]
    public static partial void OutboxOverBudget(this ILogger logger, int budget, int count, DateTimeOffset from, DateTimeOffset to);
}
