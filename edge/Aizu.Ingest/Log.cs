namespace Aizu.Ingest;

internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Error,
        Message = "System clock is not set: a reading of {Series} is stamped {Timestamp:o}, before 2020-01-01. Readings are discarded until the clock is synchronised (check NTP and the network, or fit an RTC)")]
    public static partial void ClockNotSet(this ILogger logger, string series, DateTimeOffset timestamp);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "System clock is set again; {Count} readings stamped before 2020 were discarded meanwhile")]
    public static partial void ClockSetAgain(this ILogger logger, long count);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "A reading of {Series} is stamped {Timestamp:o}, more than 10 minutes ahead of the system clock ({Now:o}); such readings are discarded")]
    public static partial void ReadingFromTheFuture(this ILogger logger, string series, DateTimeOffset timestamp, DateTimeOffset now);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error,
        Message = "System clock is not set (it reads {Now:o}): a reading of {Series} stamped {Timestamp:o} looks like it comes from the future and is discarded. Check NTP and the network, or fit an RTC")]
    public static partial void FutureBecauseClockNotSet(this ILogger logger, string series, DateTimeOffset timestamp, DateTimeOffset now);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information,
        Message = "Readings are on time again; {Count} readings from the future were discarded meanwhile")]
    public static partial void FutureOver(this ILogger logger, long count);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning,
        Message = "Discarded a reading of '{Series}' because {Problem}; further invalid readings of this series are counted without logging")]
    public static partial void InvalidReading(this ILogger logger, string series, string problem);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning,
        Message = "System clock stepped back by {Step}; it now reads {Now:o}. Readings stamped after that (by the clock while it ran ahead) are set aside, kept apart from the history, and new readings are stored as they come")]
    public static partial void ClockSteppedBack(this ILogger logger, TimeSpan step, DateTimeOffset now);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information,
        Message = "The clock episode is over; {Count} readings stamped inside time already stored, or by the clock before it stepped back, were discarded")]
    public static partial void ClockCaughtUp(this ILogger logger, long count);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning,
        Message = "System clock stepped forward by {Step}; it now reads {Now:o}. The time it skipped has no readings")]
    public static partial void ClockSteppedForward(this ILogger logger, TimeSpan step, DateTimeOffset now);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Error,
        Message = "System clock stepped back by {Step} to {Now:o}: more than 2 days, or before 2020, is taken for a wrong clock, not a correction. Readings stamped up to {Newest:o} (time already stored) are discarded until the clock passes it again; check the clock and NTP")]
    public static partial void ClockStepNotBelieved(this ILogger logger, TimeSpan step, DateTimeOffset now, DateTimeOffset newest);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Warning,
        Message = "The store holds readings stamped up to {Newest:o}, ahead of the system clock ({Now:o}): the clock stepped back while the gateway was stopped. Readings stamped after it are set aside, kept apart from the history")]
    public static partial void StoredAheadOfClock(this ILogger logger, DateTimeOffset newest, DateTimeOffset now);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Information,
        Message = "Set aside {Count} readings stamped after {Cut:o}")]
    public static partial void SetAside(this ILogger logger, long count, DateTimeOffset cut);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error,
        Message = "Cannot store readings: {Reason}. Keeping {Count} readings and retrying; drivers wait while the queue is full")]
    public static partial void StoreUnavailable(this ILogger logger, string reason, int count);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug,
        Message = "Store still unavailable after {Attempts} attempts; next try in {Delay}: {Reason}")]
    public static partial void StoreStillUnavailable(this ILogger logger, int attempts, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information,
        Message = "Store is available again after {Duration} and {Attempts} failed attempts; the kept readings are stored")]
    public static partial void StoreRecovered(this ILogger logger, TimeSpan duration, int attempts);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error,
        Message = "The store refused a batch of {Count} readings as invalid; they are dropped")]
    public static partial void BatchRefused(this ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information,
        Message = "Stored {Count} queued readings at shutdown")]
    public static partial void Drained(this ILogger logger, long count);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Error,
        Message = "Shutting down with {Count} readings not stored: the store stayed unavailable")]
    public static partial void LostAtShutdown(this ILogger logger, int count);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information,
        Message = "Starting reading source {Source}")]
    public static partial void SourceStarting(this ILogger logger, string source);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Error,
        Message = "Reading source {Source} failed; restarting in {Delay}")]
    public static partial void SourceFailed(this ILogger logger, Exception exception, string source, TimeSpan delay);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Warning,
        Message = "Reading source {Source} stopped without being asked to; restarting in {Delay}")]
    public static partial void SourceReturned(this ILogger logger, string source, TimeSpan delay);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Warning,
        Message = "No reading sources are registered; the gateway will show stored data only")]
    public static partial void NoSources(this ILogger logger);
}
