using Aizu.Gateway.Cli;
using Aizu.Gateway.Tests.EndToEnd;

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
    public async Task DecodeSmlFile_Missing_SaysSo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = await GatewayCommandLine.Create(output, error).Parse(["decode", "--sml", "/nonexistent/aizu.sml"]).InvokeAsync();

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }
}
