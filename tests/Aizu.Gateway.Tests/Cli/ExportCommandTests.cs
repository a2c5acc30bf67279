using Aizu.Gateway.Cli;
using Aizu.Readings;
using Aizu.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aizu.Gateway.Tests.Cli;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task Export_RawCsv_WritesEveryStoredReading()
    {
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu.db");
        var start = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        await using (var store = new ReadingStore(Options.Create(new StorageOptions { DatabasePath = database }), NullLogger<ReadingStore>.Instance, new Aizu.Household.HouseholdCalendar(TimeZoneInfo.Local)))
        {
            await store.AppendAsync(
                [.. Enumerable.Range(0, 3).Select(i => new Reading(SeriesNames.ElectricPower, start.AddMinutes(i), 500 + i, Units.Watt))],
                CancellationToken.None);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await GatewayCommandLine.Create(output, error)
            .Parse(["export", "--from", "2026-11-24", "--to", "2026-11-25", "--resolution", "raw", "--format", "csv", "--database", database])
            .InvokeAsync();

        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("502", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_MissingDatabase_SaysWhere()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = await GatewayCommandLine.Create(output, error)
            .Parse(["export", "--from", "2026-11-24", "--to", "2026-11-25", "--database", "/nonexistent/aizu.db"])
            .InvokeAsync();

        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.Contains("no gateway database", error.ToString(), StringComparison.Ordinal);
    }
}
