namespace Aizu.Hardware.Dsmr;

/// <summary>What each <see cref="DsmrProtocol"/> means on the wire.</summary>
internal static class DsmrLine
{
    public static SerialSettings Settings(DsmrProtocol protocol) => protocol == DsmrProtocol.Dsmr22
        ? new SerialSettings(9600, 7, SerialParity.Even)
        : new SerialSettings(115200, 8, SerialParity.None);

    /// <summary>The line settings as the log shows them, e.g. <c>115200 8N1 for Dsmr5</c>.</summary>
    public static string Describe(DsmrProtocol protocol)
    {
        var settings = Settings(protocol);
        return $"{settings.BaudRate} {settings.DataBits}{settings.Parity.ToString()[0]}1 for {protocol}";
    }

    public static DsmrParseOptions ParseOptions(DsmrProtocol protocol) =>
        protocol == DsmrProtocol.Dsmr22 ? DsmrParseOptions.WithoutChecksum : DsmrParseOptions.Strict;

    /// <summary>How often the meter sends a telegram.</summary>
    public static TimeSpan TelegramInterval(DsmrProtocol protocol) =>
        protocol is DsmrProtocol.Dsmr5 or DsmrProtocol.EMucs ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);
}
