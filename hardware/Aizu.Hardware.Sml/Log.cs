using Microsoft.Extensions.Logging;

namespace Aizu.Hardware.Sml;

internal static partial class Log
{
    [LoggerMessage(6311, LogLevel.Warning, "The meter sends {Obis} in {Unit} rather than {Expected}; the value is not used")]
    public static partial void UnexpectedUnit(ILogger logger, string obis, string unit, string expected);
}
