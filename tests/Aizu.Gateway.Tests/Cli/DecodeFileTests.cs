using Aizu.Gateway.Cli;

namespace Aizu.Gateway.Tests.Cli;

public sealed class DecodeFileTests
{
    // DSMR 3.0 telegram (no CRC) from ndokter/dsmr_parser, test/example_telegrams.py (TELEGRAM_V3), shortened to its
    // electricity lines.
    private const string Telegram =
        "/ISk5\\2MT382-1000\r\n\r\n" +
        "1-0:1.8.1(12345.678*kWh)\r\n" +
        "1-0:1.8.2(12345.678*kWh)\r\n" +
        "1-0:2.8.1(12345.678*kWh)\r\n" +
        "1-0:2.8.2(12345.678*kWh)\r\n" +
        "0-0:96.14.0(0002)\r\n" +
        "1-0:1.7.0(001.19*kW)\r\n" +
        "1-0:2.7.0(000.00*kW)\r\n" +
        "!\r\n";

    [Fact]
    public async Task DecodeDsmrFile_PrintsTheTelegram()
    {
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "telegram.txt");
        await File.WriteAllTextAsync(file, Telegram);
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = await GatewayCommandLine.Create(output, error).Parse(["decode", "--dsmr", file]).InvokeAsync();

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("12345.678", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeDsmrFile_CutOffTelegram_SaysWhatIsWrong()
    {
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "telegram.txt");
        await File.WriteAllTextAsync(file, Telegram[..60]);
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = await GatewayCommandLine.Create(output, error).Parse(["decode", "--dsmr", file]).InvokeAsync();

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_DsmrFileWithoutFlag_IsRecognised()
    {
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "telegram.txt");
        await File.WriteAllTextAsync(file, Telegram);

        var (code, output, error) = await RunAsync("decode", file);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("12345.678", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_SmlFileWithoutFlag_IsRecognised()
    {
        // DZG meter frame from spacemanspiff2007/SmlLib, tests/test_frames.py ("Frame1").
        const string Dzg =
            "1b1b1b1b0101010176051c414c02620062007263010176010102310b0a01445a47000282c0b07262016505471c2a620263f9380" +
            "076051d414c02620062007263070177010b0a01445a47000282c0b0070100620affff7262016505471c2a747707010060320101" +
            "0172620162006200520004445a470177070100600100ff017262016200620052000b0a01445a47000282c0b00177070100010800" +
            "ff641c01047262016200621e520363344f0177070100020800ff017262016200621e520362000101016393770076051e414c02" +
            "6200620072630201710163e6ba00000000001b1b1b1b1a04dad0";
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "meter.sml");
        await File.WriteAllBytesAsync(file, Convert.FromHexString(Dzg));

        var (code, output, error) = await RunAsync("decode", file);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("1-0:1.8.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_TranscriptFileWithoutFlag_IsRecognised()
    {
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "scan.log");
        await File.WriteAllTextAsync(file, "EVENT 20 FE80:0000:0000:0000:021D:1290:1234:5678 0\r\nEPANDESC\r\n  Channel:21\r\n  Channel Page:09\r\n  Pan ID:8888\r\n  Addr:12345678ABCDEF01\r\n  LQI:E1\r\n  PairID:AABBCCDD\r\nEVENT 22 FE80:0000:0000:0000:021D:1290:1234:5678 0\r\n");

        var (code, output, error) = await RunAsync("decode", file);

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
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "other");
        await File.WriteAllBytesAsync(file, Convert.FromHexString(hex));

        var (code, output, error) = await RunAsync("decode", file);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task DecodeSmlFile_Missing_SaysSo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = await GatewayCommandLine.Create(output, error).Parse(["decode", "--sml", "/nonexistent/aizu.sml"]).InvokeAsync();

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dsmr")]
    [InlineData("--sml")]
    [InlineData(null)]
    public async Task Decode_EndlessDevice_StopsAtTheCapWithOneLine(string? kind)
    {
        var (code, output, error) = await RunAsync(kind is null ? ["decode", "/dev/zero"] : ["decode", kind, "/dev/zero"]);

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

        var refused = await RunAsync("decode", "--dsmr", large);
        var read = await RunAsync("decode", "--dsmr", atCap);

        Assert.Equal(ExitCodes.BadInput, refused.Code);
        Assert.Contains("holds more than 16 MiB", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, read.Code);
        Assert.Contains("12345.678", read.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await GatewayCommandLine.Create(output, error).Parse(arguments).InvokeAsync(new() { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
