using System.Buffers;
using System.CommandLine;
using System.Text;
using Aizu.Hardware.EchonetLite;
using Aizu.Hardware.EchonetLite.Description;
using Aizu.Hardware.Dsmr;
using Aizu.Hardware.Skstack;
using Aizu.Hardware.Sml;

namespace Aizu.Gateway.Cli;

/// <summary><c>aizu decode &lt;hex | ERXUDP line&gt;</c>: prints a frame the way an installer wants to read it.</summary>
internal static class DecodeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string[]>("input")
        {
            Description = "An ECHONET Lite frame in hex (\"10 81 00 01 …\") or a whole ERXUDP line as the dongle printed it.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dsmr = new Option<FileInfo?>("--dsmr") { Description = "Decode a DSMR P1 telegram saved in this file." };
        var sml = new Option<FileInfo?>("--sml") { Description = "Decode an SML file (binary, as read from the IR head) saved in this file." };
        var command = new Command("decode", "Decode an ECHONET Lite frame, an ERXUDP line, a DSMR telegram or an SML file and print it readably.")
        {
            input,
            dsmr,
            sml,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(dsmr) is { } telegram)
            {
                return DecodeFile(telegram, bytes => DsmrTelegramDescriber.Describe(bytes), output, error);
            }

            if (parse.GetValue(sml) is { } file)
            {
                return DecodeFile(file, bytes => SmlFileDescriber.Describe(bytes), output, error);
            }

            var text = string.Join(' ', parse.GetValue(input) ?? []);
            if (text.Length == 0)
            {
                error.WriteLine("error: give a hex frame or an ERXUDP line, or --dsmr FILE / --sml FILE.");
                return ExitCodes.BadArguments;
            }

            return Decode(text, output, error);
        });
        return command;
    }

    internal static int DecodeFile(FileInfo file, Func<byte[], string> describe, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"error: {file.FullName} does not exist.");
            return ExitCodes.BadInput;
        }

        try
        {
            output.WriteLine(describe(File.ReadAllBytes(file.FullName)));
            return ExitCodes.Ok;
        }
        catch (FormatException ex)
        {
            // DsmrFormatException and SmlFormatException both say what is wrong and where.
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    internal static int Decode(string text, TextWriter output, TextWriter error)
    {
        text = text.Trim();
        byte[] frame;
        if (text.StartsWith("ERXUDP", StringComparison.OrdinalIgnoreCase))
        {
            var udp = ParseErxudp(text);
            if (udp is null)
            {
                error.WriteLine("error: this ERXUDP line could not be parsed; expected ERXUDP <sender> <dest> <rport> <lport> <senderlla> [<rssi>] <secured> [<side>] <datalen> <hex data>.");
                return ExitCodes.BadInput;
            }

            output.WriteLine($"ERXUDP from {udp.Sender} port {udp.RemotePort:X4} to {udp.Destination} port {udp.LocalPort:X4}, {(udp.Secured ? "secured" : "not secured")}, {udp.Data.Length} bytes");
            frame = udp.Data.ToArray();
        }
        else if (!EchonetFrameDescriber.TryParseHex(text, out frame, out string? hexError))
        {
            error.WriteLine($"error: {hexError}");
            return ExitCodes.BadInput;
        }

        try
        {
            output.Write(EchonetFrameDescriber.Describe(frame));
            return ExitCodes.Ok;
        }
        catch (EchonetLiteFormatException ex)
        {
            error.WriteLine($"error: not a valid ECHONET Lite frame: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static SkstackUdpReceived? ParseErxudp(string line)
    {
        // The same reader the driver uses; a pasted line is hexadecimal, and either dialect's layout is accepted.
        var reader = new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii);
        var sequence = new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(line + "\r\n"));
        var sequenceReader = new SequenceReader<byte>(sequence);
        return reader.TryRead(ref sequenceReader, out var message) ? message as SkstackUdpReceived : null;
    }
}
