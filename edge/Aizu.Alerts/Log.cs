namespace Aizu.Alerts;

internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information,
        Message = "City alert shown: {Identifier} level {Level}{Test} ({Outcome})")]
    public static partial void AlertAccepted(this ILogger logger, string identifier, int level, string test, AlertOutcome outcome);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "City alert {Identifier} cancelled: {Detail}")]
    public static partial void AlertCancelled(this ILogger logger, string identifier, string detail);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning,
        Message = "Alert message on {Topic} (retained: {Retained}) rejected ({Outcome}): {Detail}")]
    public static partial void AlertRejected(this ILogger logger, string topic, bool retained, AlertOutcome outcome, string detail);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Debug,
        Message = "Alert message on {Topic} (retained: {Retained}, {Outcome}): {Detail}")]
    public static partial void AlertUnchanged(this ILogger logger, string topic, bool retained, AlertOutcome outcome, string detail);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information,
        Message = "City alert {Identifier} expired at {Expires}")]
    public static partial void AlertExpired(this ILogger logger, string identifier, DateTimeOffset expires);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning,
        Message = "City alert {Identifier} is inconsistent; showing the higher level {Level}: {Problems}")]
    public static partial void AlertInconsistent(this ILogger logger, string identifier, int level, string problems);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning,
        Message = "City key update applied: next key {NextKeyId} accepted from {ValidFrom}, signing key {SignerKeyId} until {OverlapUntil}")]
    public static partial void KeyUpdateApplied(this ILogger logger, string nextKeyId, string signerKeyId, DateTimeOffset validFrom, DateTimeOffset overlapUntil);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Error,
        Message = "The city key rotation could not be saved ({Reason}); it holds until restart")]
    public static partial void KeyStateNotSaved(this ILogger logger, Exception exception, string reason);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Warning,
        Message = "The pinned city key changed in the configuration ({Stored} → {Pinned}); earlier key rotations are forgotten")]
    public static partial void PinChanged(this ILogger logger, string stored, string pinned);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Error,
        Message = "The alert key state is unreadable ({Reason}); trusting only the pinned city key")]
    public static partial void KeyStateDamaged(this ILogger logger, Exception exception, string reason);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information,
        Message = "City alert {Identifier} acknowledged on the panel ({Forwarding}): {Detail}")]
    public static partial void AlertAcknowledged(this ILogger logger, string identifier, AcknowledgementForwarding forwarding, string detail);
}
