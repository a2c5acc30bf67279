namespace Aizu.Gateway.Tests.Cli;

public sealed class DecodeCommandTests
{
    private const string Unrecognised = "error: not recognised: give a hex ECHONET Lite frame, an ERXUDP, EVENT or EPANDESC line";

    [Theory]
    // Instantaneous power Get_Res (504 W), as in the B-route examples of ROHM's BP35A1 application notes.
    [InlineData("10 81 00 01 02 88 01 05 FF 01 72 01 E7 04 00 00 01 F8", "Get_Res", "504 W")]
    // The same frame as the dongle prints it received.
    [InlineData("ERXUDP FE80:0000:0000:0000:021D:1290:1234:5678 FE80:0000:0000:0000:021D:1290:0003:C890 0E1A 0E1A 001D129012345678 1 0012 1081000102880105FF017201E704000001F8", "ERXUDP from FE80:0000:0000:0000:021D:1290:1234:5678", "504 W")]
    [InlineData("EVENT 25 FE80:0000:0000:0000:021D:1290:1234:5678 0", "EVENT 25 PANA authentication succeeded from FE80:0000:0000:0000:021D:1290:1234:5678, side 0")]
    [InlineData("EVENT 21 FE80:0000:0000:0000:021D:1290:1234:5678 0 00", "parameter 00 (success)")]
    [InlineData("EVENT 24 FE80:0000:0000:0000:021D:1290:1234:5678 0", "PANA authentication failed (check the B-route ID and password)")]
    [InlineData("EVENT 32 FE80:0000:0000:0000:021D:1290:1234:5678 0", "transmission-time limit in force")]
    public void Decode_AFrameOrLine_SaysWhatItMeans(string input, params string[] expected)
    {
        var output = DecodeOk(input);

        Assert.All(expected, e => Assert.Contains(e, output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10 81 0G", "error: ")]
    [InlineData("10 81 00 01 02 88 01 05 FF 01 72 01 E7 04 00 00", "error: ")]
    [InlineData("ERXUDP nonsense", "error: ")]
    [InlineData("hello meter", Unrecognised)]
    [InlineData("VERSION 1.2.10", Unrecognised)]
    [InlineData("{\"power\": 504}", Unrecognised)]
    public void Decode_BadOrUnrecognisedInput_IsOneClearErrorLine(string input, string expected)
    {
        var error = DecodeRefused(input);

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("EPANDESC\r\n  Channel:21\r\n  Channel Page:09\r\n  Pan ID:8888\r\n  Addr:12345678ABCDEF01\r\n  LQI:E1\r\n  PairID:AABBCCDD")]
    [InlineData("EPANDESC\nChannel:21\nChannel Page:09\nPan ID:8888\nAddr:12345678ABCDEF01\nLQI:E1\nPairID:AABBCCDD")]
    [InlineData("EPANDESC Channel:21 Channel Page:09 Pan ID:8888 Addr:12345678ABCDEF01 LQI:E1 PairID:AABBCCDD")]
    public void Decode_EpandescBlock_PrintsTheBeacon(string block)
    {
        // As the dongle prints it, pasted without its indentation, and as unquoted arguments joined by spaces.
        var output = DecodeOk(block);

        Assert.Equal("EPANDESC: channel 33 (0x21), channel page 9, PAN ID 0x8888, MAC address 12345678ABCDEF01, LQI 225 (0xE1), pair ID AABBCCDD", output.Trim());
    }

    [Fact]
    public void Decode_ScanTranscript_DescribesEveryMessageInOrder()
    {
        const string Transcript =
            "EVENT 20 FE80:0000:0000:0000:021D:1290:1234:5678 0\r\n" +
            "EPANDESC\r\n  Channel:21\r\n  Channel Page:09\r\n  Pan ID:8888\r\n  Addr:12345678ABCDEF01\r\n  LQI:E1\r\n  PairID:AABBCCDD\r\n" +
            "EVENT 22 FE80:0000:0000:0000:021D:1290:1234:5678 0\r\n" +
            "ERXUDP FE80:0000:0000:0000:021D:1290:1234:5678 FE80:0000:0000:0000:021D:1290:0003:C890 0E1A 0E1A 001D129012345678 1 0012 1081000102880105FF017201E704000001F8\r\n";

        var output = DecodeOk(Transcript);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("EVENT 20 beacon received", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("EPANDESC: channel 33", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("EVENT 22 active scan finished", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("ERXUDP from", lines[3], StringComparison.Ordinal);
        Assert.Contains("504 W", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EventLineWithGarbage_NamesTheLineNotAHexDigit()
    {
        var error = DecodeRefused("EVENT 2X nonsense");

        Assert.StartsWith("error: 'EVENT 2X nonsense' is not a line a SKSTACK-IP dongle prints", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hexadecimal digit", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_UnknownOption_IsRejected()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = await GatewayCommandLine.Create(output, error).Parse(["run", "--demon"]).InvokeAsync(new() { Output = output, Error = error });

        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("--demon", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Decodes <paramref name="input"/>, which must succeed with nothing on standard error; returns what was printed.</summary>
    private static string DecodeOk(string input)
    {
        var (code, output, error) = Run(input);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        return output;
    }

    /// <summary>Decodes <paramref name="input"/>, which must fail as bad input with nothing on standard output; returns the error.</summary>
    private static string DecodeRefused(string input)
    {
        var (code, output, error) = Run(input);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        return error;
    }

    private static (int Code, string Output, string Error) Run(string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = DecodeCommand.Decode(input, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
