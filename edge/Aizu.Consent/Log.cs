namespace Aizu.Consent;

internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information,
        Message = "Created the receipt signing key {Path} (kid {KeyId})")]
    public static partial void SigningKeyCreated(this ILogger logger, string path, string keyId);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Consent {Reference} {Event} by the {Actor}: {Purpose} / {Category} at {Granularity} (ledger event {Seq})")]
    public static partial void ConsentRecorded(this ILogger logger, string reference, string @event, string actor, string purpose, string category, string granularity, long seq);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error,
        Message = "The consent ledger in {Path} is broken at event {Seq}: {Problem}")]
    public static partial void LedgerBroken(this ILogger logger, string path, long seq, string problem);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "Consent ledger intact: {Count} events, head {HeadHash}")]
    public static partial void LedgerIntact(this ILogger logger, long count, string headHash);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "Could not tell watchers about new consent events: {Reason}")]
    public static partial void PublishFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
        Message = "The household re-confirmed {Count} grants in force over ledger events 1–{HeadSeq} after: {Problem}")]
    public static partial void LedgerReconfirmed(this ILogger logger, int count, long headSeq, string problem);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information,
        Message = "Purpose catalogue {Sequence} from {Issuer} accepted: {Purposes} purposes, {Requested} new requests, {Revoked} revoked")]
    public static partial void CatalogueAccepted(this ILogger logger, long sequence, string issuer, int purposes, int requested, int revoked);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Debug,
        Message = "Purpose catalogue {Sequence} received again; it is already in force")]
    public static partial void CatalogueUnchanged(this ILogger logger, long sequence);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning,
        Message = "Purpose catalogue rejected: {Problem}")]
    public static partial void CatalogueRejected(this ILogger logger, string problem);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning,
        Message = "The stored purpose catalogue {Sequence} no longer verifies and is ignored: {Problem}")]
    public static partial void StoredCatalogueUnusable(this ILogger logger, long sequence, string problem);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Error,
        Message = "Consent check ({Work}) failed; it runs again at the next interval")]
    public static partial void MonitorFailed(this ILogger logger, string work, Exception exception);
}
