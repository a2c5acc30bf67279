namespace Aizu.City.Analysis;

/// <summary>The analyst host's log messages; event ids 8100–8199.</summary>
internal static partial class Log
{
    [LoggerMessage(8100, LogLevel.Information, "Analyst {Analyst} was given {Purpose} {Request}: {Released} cells released, {Suppressed} suppressed (audit {Audit})")]
    public static partial void Released(this ILogger logger, string analyst, string purpose, string request, int released, int suppressed, long audit);

    [LoggerMessage(8101, LogLevel.Warning, "Analyst {Analyst} refused {Purpose} {Request}: {Reason} (audit {Audit})")]
    public static partial void Refused(this ILogger logger, string analyst, string purpose, string request, string reason, long audit);

    [LoggerMessage(8102, LogLevel.Information, "Analyst {Analyst} published {Purpose} series {Series} with ε {Epsilon}; {Remaining} left (audit {Audit})")]
    public static partial void Published(this ILogger logger, string analyst, string purpose, string series, decimal epsilon, decimal remaining, long audit);

    [LoggerMessage(8103, LogLevel.Information, "Analyst API and page listening on {Url}")]
    public static partial void Listening(this ILogger logger, string url);
}
