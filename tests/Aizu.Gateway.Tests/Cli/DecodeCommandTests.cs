using Aizu.Gateway.Cli;

namespace Aizu.Gateway.Tests.Cli;

public sealed class DecodeCommandTests
{
    [Fact]
    public void Decode_GetResHex_PrintsTheDecodedPower()
    {
        // Instantaneous power Get_Res (504 W), as in the B-route examples of ROHM's BP35A1 application notes.
        var (code, output, error) = Run("10 81 00 01 02 88 01 05 FF 01 72 01 E7 04 00 00 01 F8");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("Get_Res", output, StringComparison.Ordinal);
        Assert.Contains("504 W", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ErxudpLine_PrintsTheUdpHeaderAndTheFrame()
    {
        const string Line = "ERXUDP FE80:0000:0000:0000:021D:1290:1234:5678 FE80:0000:0000:0000:021D:1290:0003:C890 0E1A 0E1A 001D129012345678 1 0012 1081000102880105FF017201E704000001F8";

        var (code, output, _) = Run(Line);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("ERXUDP from FE80:0000:0000:0000:021D:1290:1234:5678", output, StringComparison.Ordinal);
        Assert.Contains("504 W", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10 81 0G")]
    [InlineData("10 81 00 01 02 88 01 05 FF 01 72 01 E7 04 00 00")]
    [InlineData("ERXUDP nonsense")]
    public void Decode_BadInput_SaysWhatIsWrongAndFails(string input)
    {
        var (code, output, error) = Run(input);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
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

    private static (int Code, string Output, string Error) Run(string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = DecodeCommand.Decode(input, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
