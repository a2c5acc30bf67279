using Microsoft.Extensions.Logging;

namespace Aizu.Hardware.Sml;

internal static partial class Log
{
    // 1-10 are the serial meter loop's, logged under the same category.
    [LoggerMessage(11, LogLevel.Warning, "The meter sends {Obis} in {Unit} rather than {Expected}; the value is not used")]
    public static partial void UnexpectedUnit(ILogger logger, string obis, string unit, string expected);
}
