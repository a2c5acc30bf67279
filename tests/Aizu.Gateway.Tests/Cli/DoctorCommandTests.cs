namespace Aizu.Gateway.Tests.Cli;

/// <summary><c>aizu doctor</c> as an installer runs it: one line per check, a fix for each problem, and an exit code scripts can use.</summary>
public sealed class DoctorCommandTests
{
    [Fact]
    public async Task MissingDatabase_And_AClockAt1970_EachFail_WithWhatToDo()
    {
        using var directory = new TemporaryDirectory();
        var output = new StringWriter();
        var clock = new FakeTimeProvider(new DateTimeOffset(1970, 1, 1, 0, 0, 42, TimeSpan.Zero));

        int code = await GatewayCommandLine.Create(output, output, clock)
            .Parse(["doctor", "--database", Path.Combine(directory.Path, "nowhere.db")]).InvokeAsync();

        Assert.Equal(ExitCodes.VerificationFailed, code);
        var text = output.ToString();
        Assert.Contains("FAIL  clock", text, StringComparison.Ordinal);
        Assert.Contains("1970-01-01 00:00Z, which cannot be right", text, StringComparison.Ordinal);
        Assert.Contains("timedatectl set-ntp true", text, StringComparison.Ordinal);
        Assert.Contains("FAIL  store", text, StringComparison.Ordinal);
        Assert.Contains("there is no database at", text, StringComparison.Ordinal);
        Assert.Contains("2 check(s) failed.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenConfiguration_IsAFailedCheck_NotAStackTrace()
    {
        using var directory = new TemporaryDirectory();
        var config = Path.Combine(directory.Path, "aizu.json");
        await File.WriteAllTextAsync(config, """{ "Aizu": { "Storage": { "DatabasePath": "x.db", } """);
        var output = new StringWriter();

        int code = await GatewayCommandLine.Create(output, output, new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero)))
            .Parse(["doctor", "--json", "--config", config]).InvokeAsync();

        Assert.Equal(ExitCodes.VerificationFailed, code);
        using var report = JsonDocument.Parse(output.ToString());
        var configuration = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "configuration");
        Assert.Equal("fail", configuration.GetProperty("outcome").GetString());
        Assert.Contains("aizu.json", configuration.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
