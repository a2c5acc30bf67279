using Microsoft.Extensions.Logging;

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
}
