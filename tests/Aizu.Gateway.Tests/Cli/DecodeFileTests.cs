namespace Aizu.Gateway.Tests.Cli;

public sealed class DecodeFileTests
{
    // DSMR 3.0, no CRC (ndokter/dsmr_parser's TELEGRAM_V3).
    private const string Telegram = RealTelegrams.V3;

    [Fact]
    public async Task DecodeDsmrFile_PrintsTheTelegram()
    {
        var (code, output, _) = await DecodeFileAsync("telegram.txt", Encoding.UTF8.GetBytes(Telegram), "--dsmr");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("12345.678", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeDsmrFile_CutOffTelegram_SaysWhatIsWrong()
    {
        var (code, _, error) = await DecodeFileAsync("telegram.txt", Encoding.UTF8.GetBytes(Telegram[..60]), "--dsmr");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_DsmrFileWithoutFlag_IsRecognised()
    {
        var (code, output, error) = await DecodeFileAsync("telegram.txt", Encoding.UTF8.GetBytes(Telegram));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("12345.678", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_SmlFileWithoutFlag_IsRecognised()
    {
        var (code, output, error) = await DecodeFileAsync("meter.sml", RealFiles.Bytes(RealFiles.Dzg));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("1-0:1.8.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_TranscriptFileWithoutFlag_IsRecognised()
    {
        const string Transcript = "EVENT 20 FE80:0000:0000:0000:021D:1290:1234:5678 0\r\nEPANDESC\r\n  Channel:21\r\n  Channel Page:09\r\n  Pan ID:8888\r\n  Addr:12345678ABCDEF01\r\n  LQI:E1\r\n  PairID:AABBCCDD\r\nEVENT 22 FE80:0000:0000:0000:021D:1290:1234:5678 0\r\n";

        var (code, output, error) = await DecodeFileAsync("scan.log", Encoding.UTF8.GetBytes(Transcript));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("PAN ID 0x8888", output, StringComparison.Ordinal);
        Assert.Contains("EVENT 22 active scan finished", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("73686F7070696E67206C6973743A20726963652C206D69736F0A", "error: not recognised")]
    [InlineData("000102FF1020", "error: ")]
    public async Task Decode_FileOfSomethingElse_IsOneClearLineWithoutAStackTrace(string hex, string expected)
    {
        // A text note, and binary that is not SML.
        var (code, output, error) = await DecodeFileAsync("other", Convert.FromHexString(hex));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task DecodeSmlFile_Missing_SaysSo()
    {
        var (code, _, error) = await GatewayRun.InvokeAsync("decode", "--sml", "/nonexistent/aizu.sml");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dsmr")]
    [InlineData("--sml")]
    [InlineData(null)]
    public async Task Decode_EndlessDevice_StopsAtTheCapWithOneLine(string? kind)
    {
        var (code, output, error) = await GatewayRun.InvokeAsync(kind is null ? ["decode", "/dev/zero"] : ["decode", kind, "/dev/zero"]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.Equal("error: /dev/zero holds more than 16 MiB; decode reads one telegram, frame or capture: cut the part you want (for example with head -c).", error.TrimEnd());
    }

    [Fact]
    public async Task Decode_FileOverTheCap_IsRefused_AndOneAtTheCapIsRead()
    {
        using var directory = new TemporaryDirectory();
        string large = Path.Combine(directory.Path, "large.txt");
        string atCap = Path.Combine(directory.Path, "at-cap.txt");
        await using (var stream = File.Create(large))
        {
            stream.SetLength(DecodeCommand.MaxInputBytes + 1L);
        }

        await File.WriteAllTextAsync(atCap, Telegram + new string(' ', DecodeCommand.MaxInputBytes - Telegram.Length));

        var refused = await GatewayRun.InvokeAsync("decode", "--dsmr", large);
        var read = await GatewayRun.InvokeAsync("decode", "--dsmr", atCap);

        Assert.Equal(ExitCodes.BadInput, refused.Code);
        Assert.Contains("holds more than 16 MiB", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, read.Code);
        Assert.Contains("12345.678", read.Output, StringComparison.Ordinal);
    }

    /// <summary><c>aizu decode</c> <paramref name="flags"/> on a file named <paramref name="name"/> holding <paramref name="content"/>.</summary>
    private static async Task<(int Code, string Output, string Error)> DecodeFileAsync(string name, byte[] content, params string[] flags)
    {
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, name);
        await File.WriteAllBytesAsync(file, content);
        return await GatewayRun.InvokeAsync(["decode", .. flags, file]);
    }
}
