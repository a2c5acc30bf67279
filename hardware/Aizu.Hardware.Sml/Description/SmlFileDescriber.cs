namespace Aizu.Hardware.Sml;

/// <summary>
/// Turns an SML transport frame into English text for <c>aizu decode --sml file</c> and for logs:
/// <code>
/// SML frame, 500 bytes, transport CRC 22ED (correct), 3 messages
///   PublicOpen.Res    server 0A01484C5902000424A0, file 000002DBA23C
///   GetList.Res       server 0A01484C5902000424A0, 17 values
///     1-0:1.8.0*255   4499896.2 Wh    energy imported, total
///     1-0:16.7.0*255  137 W           power (import positive)
///   PublicClose.Res
/// </code>
/// </summary>
/// <remarks>Lines are separated by <c>\n</c> with none after the last, so the text is the same on every host.</remarks>
public static class SmlFileDescriber
{
    /// <summary>Describes a whole transport frame.</summary>
    /// <exception cref="SmlFormatException">The bytes are not a valid frame; the message says why.</exception>
    public static string Describe(ReadOnlySpan<byte> frame)
    {
        var file = SmlFileParser.ParseFrame(frame);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder(1024);
        text.Append(c, $"SML frame, {frame.Length} bytes, transport CRC {frame[^2] | (frame[^1] << 8):X4} (correct), {file.Messages.Count} messages");
        foreach (var message in file.Messages)
        {
            text.Append("\n  ");
            string crc = message.CrcMatches ? string.Empty : string.Create(c, $" (message CRC {message.Crc:X4} wrong; ignored)");
            switch (message.Body)
            {
                case SmlOpenResponse open:
                    text.Append(c, $"{"PublicOpen.Res",-18}server {Convert.ToHexString(open.ServerId)}, file {Convert.ToHexString(open.RequestFileId)}{crc}");
                    break;
                case SmlGetListResponse list:
                    text.Append(c, $"{"GetList.Res",-18}server {Convert.ToHexString(list.ServerId)}, {list.Entries.Count} values{crc}");
                    foreach (var entry in list.Entries)
                    {
                        string name = entry.Obis?.ToString() ?? Convert.ToHexString(entry.ObjectName);
                        string value = entry.ScaledValue is { } scaled
                            ? scaled.ToString(c) + (entry.Unit is { } u ? " " + SmlUnits.Symbol(u) : string.Empty)
                            : entry.IsUnusable && entry.Value.Number is { } raw
                                ? string.Create(c, $"{raw} × 10^{entry.Scaler} (too large; not used)")
                                : entry.Value.ToString();
                        text.Append(c, $"\n    {name,-18}{value,-22}{Meaning(entry.Obis)}");
                    }

                    break;
                case SmlCloseResponse:
                    text.Append("PublicClose.Res").Append(crc);
                    break;
                default:
                    text.Append(c, $"{message.Tag} (tag 0x{(uint)message.Tag:X4}, not read by the gateway){crc}");
                    break;
            }
        }

        return text.ToString();
    }

    private static string Meaning(ObisCode? obis) => obis switch
    {
        { A: 1, B: 0, C: 1, D: 8, E: 0 } => "energy imported, total",
        { A: 1, B: 0, C: 1, D: 8, E: 1 } => "energy imported, tariff 1",
        { A: 1, B: 0, C: 1, D: 8, E: 2 } => "energy imported, tariff 2",
        { A: 1, B: 0, C: 2, D: 8, E: 0 } => "energy exported, total",
        { A: 1, B: 0, C: 2, D: 8, E: 1 } => "energy exported, tariff 1",
        { A: 1, B: 0, C: 2, D: 8, E: 2 } => "energy exported, tariff 2",
        { A: 1, B: 0, C: 16, D: 7, E: 0 } => "power (import positive)",
        { A: 1, B: 0, C: 15, D: 7, E: 0 } => "power, absolute (no sign)",
        { A: 1, B: 0, C: 1, D: 7, E: 0 or 1 } => "power imported",
        { A: 1, B: 0, C: 2, D: 7, E: 0 } => "power exported",
        { A: 1, B: 0, C: 36 or 56 or 76, D: 7, E: 0 } => "power of one phase",
        { A: 1, B: 0, C: 32 or 52 or 72, D: 7, E: 0 } => "voltage of one phase",
        { A: 1, B: 0, C: 31 or 51 or 71, D: 7, E: 0 } => "current of one phase",
        { A: 1, B: 0, C: 0, D: 0, E: 9 } or { A: 1, B: 0, C: 96, D: 1, E: 0 } => "meter identifier",
        { A: 129, B: 129, C: 199, D: 130, E: 3 } => "manufacturer",
        _ => string.Empty,
    };
}
