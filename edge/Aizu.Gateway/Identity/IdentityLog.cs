namespace Aizu.Gateway.Identity;

/// <summary>The gateway's log messages about its device identity (event IDs 9020–9029).</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 9020, Level = LogLevel.Information,
        Message = "Device identity created: gateway id {GatewayId}; certificate request for the city in {Request} ('aizu enroll --csr' prints it)")]
    public static partial void IdentityCreated(this ILogger logger, string gatewayId, string request);

    [LoggerMessage(EventId = 9021, Level = LogLevel.Warning,
        Message = "The device identity cannot be written to {Directory}: {Reason} The gateway runs on; it cannot be enrolled with the city until this is fixed.")]
    public static partial void IdentityNotWritten(this ILogger logger, string directory, string reason);
}
