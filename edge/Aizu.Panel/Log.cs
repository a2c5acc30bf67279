namespace Aizu.Panel;

internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information,
        Message = "Panel mapped with {AssetCount} page files")]
    public static partial void PanelMapped(this ILogger logger, int assetCount);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug,
        Message = "Panel request could not read the store: {Reason}")]
    public static partial void StoreUnavailableForPanel(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "The household set the panel password")]
    public static partial void PanelPasswordSet(this ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Panel sign-in with a wrong password from {Address}")]
    public static partial void PanelLoginFailed(this ILogger logger, string address);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning,
        Message = "Panel setup refused: wrong setup code from {Address}")]
    public static partial void PanelSetupWrongCode(this ILogger logger, string address);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning,
        Message = "Panel refused {Count} request(s) whose form body could not be read, the last from {Address}: {Reason} (logged at most once a minute)")]
    public static partial void PanelUnreadableForms(this ILogger logger, int count, string address, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error,
        Message = "Could not save the panel password, nothing was changed: {Reason}")]
    public static partial void PanelPasswordNotSaved(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "Household decision on the panel: {Decision} consent {Reference} ({Purpose}, {Category}), ledger entry {Seq}")]
    public static partial void PanelConsentDecided(this ILogger logger, string decision, string reference, string purpose, string category, long seq);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "Panel consent decision '{Decision}' not recorded: {Reason}")]
    public static partial void PanelConsentRefused(this ILogger logger, string decision, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Panel could not read or write the consent records: {Reason}")]
    public static partial void PanelConsentUnavailable(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning,
        Message = "Panel could not read the egress log: {Reason}")]
    public static partial void PanelEgressUnavailable(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning,
        Message = "The household erased the stored readings from the panel: {Readings} readings of {Series} series")]
    public static partial void PanelReadingsErased(this ILogger logger, long readings, int series);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning,
        Message = "Erase from the panel refused: wrong password from {Address}")]
    public static partial void PanelEraseWrongPassword(this ILogger logger, string address);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information,
        Message = "Panel export of {Records} records ({Resolution}, {Format}) from {From} to {To}")]
    public static partial void PanelExported(this ILogger logger, long records, Aizu.Storage.Resolution resolution, string format, DateOnly from, DateOnly to);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning,
        Message = "Panel export failed after the download had started: {Reason}")]
    public static partial void PanelExportFailed(this ILogger logger, string reason);
}
