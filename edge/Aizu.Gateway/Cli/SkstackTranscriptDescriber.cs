namespace Aizu.Gateway.Cli;

/// <summary>
/// Describes lines a SKSTACK-IP dongle printed (EVENT, EPANDESC blocks, ERXUDP, OK/FAIL), one or many, read with the
/// driver's own <see cref="SkstackReader"/>; the ECHONET Lite frame inside an ERXUDP is decoded too.
/// </summary>
internal static class SkstackTranscriptDescriber
{
    private static readonly string[] Keywords = ["EVENT", "EPANDESC", "ERXUDP", "OK", "FAIL", "EADDR", "EINFO", "EVER", "EPONG"];

    /// <summary>True when <paramref name="text"/> starts with a line a dongle prints.</summary>
    public static bool LooksLikeTranscript(string text)
    {
        var first = text.TrimStart().Split(['\r', '\n', ' '], 2)[0];
        return Keywords.Contains(first, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Writes one description per message to <paramref name="output"/> and each unreadable line to <paramref name="problems"/>.</summary>
    public static void Describe(string text, TextWriter output, List<string> problems)
    {
        // Either dialect's ERXUDP layout is recognised; a pasted line is hexadecimal. The closing OK is a sentinel
        // that ends an EPANDESC block at the end of the input (the reader ends a block at the next unindented line).
        var reader = new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii);
        var sequence = new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(Indent(text) + "\r\nOK\r\n"));
        var sequenceReader = new SequenceReader<byte>(sequence);
        var messages = new List<SkstackMessage>();
        while (reader.TryRead(ref sequenceReader, out var message))
        {
            messages.Add(message!);
        }

        foreach (var message in messages.Take(messages.Count - 1))
        {
            switch (message)
            {
                case SkstackUnrecognizedLine unrecognized:
                    problems.Add($"'{unrecognized.Text}' is not a line a SKSTACK-IP dongle prints: {unrecognized.Reason}.");
                    break;
                case SkstackUdpReceived udp:
                    output.WriteLine($"ERXUDP from {udp.Sender} port {udp.RemotePort:X4} to {udp.Destination} port {udp.LocalPort:X4}, {(udp.Secured ? "secured" : "not secured")}, {udp.Data.Length} bytes");
                    output.Write(EchonetFrameDescriber.Describe(udp.Data.ToArray()));
                    break;
                default:
                    output.WriteLine(Line(message));
                    break;
            }
        }
    }

    private static string Line(SkstackMessage message) => message switch
    {
        SkstackEvent e => string.Create(CultureInfo.InvariantCulture,
            $"EVENT {(byte)e.Code:X2} {EventMeaning(e.Code)} from {e.Sender}{(e.Side is { } side ? $", side {side}" : "")}{(e.Parameter is { } p ? $", parameter {p:X2}{ParameterMeaning(e.Code, p)}" : "")}"),
        SkstackPanDescriptor pan => string.Create(CultureInfo.InvariantCulture,
            $"EPANDESC: channel {pan.Channel} (0x{pan.Channel:X2}), channel page {pan.ChannelPage}, PAN ID 0x{pan.PanId:X4}, MAC address {pan.MacAddress}, LQI {pan.Lqi} (0x{pan.Lqi:X2}){(pan.PairId is { } pair ? $", pair ID {pair}" : "")}"),
        SkstackOk => "OK",
        SkstackFail fail => $"FAIL {fail.ErrorCode}",
        _ => message.ToString() ?? message.GetType().Name,
    };

    // BP35A1 command reference 4.8, as named in SkstackEventCode.
    private static string EventMeaning(SkstackEventCode code) => code switch
    {
        SkstackEventCode.NeighborSolicitation => "neighbour solicitation received",
        SkstackEventCode.NeighborAdvertisement => "neighbour advertisement received",
        SkstackEventCode.EchoRequest => "ICMP echo request received",
        SkstackEventCode.EnergyDetectScanCompleted => "energy-detect scan finished",
        SkstackEventCode.BeaconReceived => "beacon received (an EPANDESC block follows)",
        SkstackEventCode.UdpSendCompleted => "UDP send finished",
        SkstackEventCode.ActiveScanCompleted => "active scan finished",
        SkstackEventCode.PanaFailed => "PANA authentication failed (check the B-route ID and password)",
        SkstackEventCode.PanaSucceeded => "PANA authentication succeeded",
        SkstackEventCode.SessionTerminationRequested => "the meter asked to end the PANA session",
        SkstackEventCode.SessionTerminated => "PANA session ended",
        SkstackEventCode.SessionTerminationTimedOut => "PANA termination timed out; the session is closed",
        SkstackEventCode.SessionExpired => "PANA session lifetime expired; the dongle re-authenticates",
        SkstackEventCode.TransmissionLimitOn => "ARIB STD-T108 transmission-time limit in force; the dongle will not send for a while",
        SkstackEventCode.TransmissionLimitOff => "ARIB STD-T108 transmission-time limit lifted",
        SkstackEventCode.WakeupSignalReceived => "wake-up signal received",
        _ => "(event not known to this gateway)",
    };

    private static string ParameterMeaning(SkstackEventCode code, byte parameter) => (code, parameter) switch
    {
        (SkstackEventCode.UdpSendCompleted, 0) => " (success)",
        (SkstackEventCode.UdpSendCompleted, 1) => " (failure)",
        (SkstackEventCode.UdpSendCompleted, 2) => " (neighbour solicitation sent first)",
        _ => "",
    };

    // A block pasted from a terminal often loses its indentation; the reader needs it to tell the block's lines
    // ("Channel:21") from the next message.
    private static string Indent(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var inBlock = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Equals("EPANDESC", StringComparison.OrdinalIgnoreCase))
            {
                inBlock = true;
                lines[i] = "EPANDESC";
            }
            else if (inBlock && IsBlockEntry(trimmed))
            {
                lines[i] = "  " + trimmed;
            }
            else
            {
                inBlock = false;
                lines[i] = trimmed;
            }
        }

        return string.Join("\r\n", lines.Where(l => l.Length > 0));
    }

    // "Channel Page:09" is an entry; "FE80:0000:…" (an address line) is not.
    private static bool IsBlockEntry(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && line[..colon].All(c => char.IsAsciiLetter(c) || c == ' ');
    }
}
