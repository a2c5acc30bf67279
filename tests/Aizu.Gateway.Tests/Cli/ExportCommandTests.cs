namespace Aizu.Gateway.Tests.Cli;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task Export_RawCsv_WritesEveryStoredReading()
    {
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu.db");
        var start = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        await StoreAsync(database, new Aizu.Household.HouseholdCalendar(TimeZoneInfo.Local), [.. Enumerable.Range(0, 3).Select(i => new Reading(SeriesNames.ElectricPower, start.AddMinutes(i), 500 + i, Units.Watt))]);

        var (code, output, _) = await GatewayRun.InvokeAsync(["export", "--from", "2026-11-24", "--to", "2026-11-25", "--resolution", "raw", "--format", "csv", "--database", database]);

        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("502", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Days_FollowTheHouseholdsZoneNotTheMachines()
    {
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu.db");
        string config = Path.Combine(directory.Path, "aizu.json");

        // A zone whose midnight is not the machine's, whichever zone the machine runs in.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneInfo.Local.BaseUtcOffset == TimeSpan.FromHours(9) ? "America/New_York" : "Asia/Tokyo");
        var household = new Aizu.Household.HouseholdCalendar(zone);
        await File.WriteAllTextAsync(config, $$"""{ "Aizu": { "Household": { "TimeZone": "{{zone.Id}}" } } }""");
        var start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        await StoreAsync(database, household, [.. Enumerable.Range(0, 72).Select(i => new Reading(SeriesNames.ElectricPower, start.AddHours(i), 100, Units.Watt))]);

        var (code, output, _) = await GatewayRun.InvokeAsync(["export", "--from", "2026-11-24", "--to", "2026-11-26", "--resolution", "day", "--format", "csv", "--database", database, "--config", config]);

        Assert.Equal(ExitCodes.Ok, code);
        var days = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(days);
        foreach (var day in days)
        {
            var dayStart = DateTimeOffset.Parse(day.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(TimeOnly.MinValue, TimeOnly.FromDateTime(household.LocalTime(dayStart)));
        }
    }

    [Fact]
    public async Task Export_UnknownHouseholdZone_OneLine()
    {
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu.db");
        string config = Path.Combine(directory.Path, "aizu.json");
        await File.WriteAllTextAsync(config, """{ "Aizu": { "Household": { "TimeZone": "Mars/Olympus_Mons" } } }""");
        await StoreAsync(database, new Aizu.Household.HouseholdCalendar(TimeZoneInfo.Utc), [new Reading(SeriesNames.ElectricPower, new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), 1, Units.Watt)]);

        var (code, _, error) = await GatewayRun.InvokeAsync(["export", "--from", "2026-11-24", "--to", "2026-11-25", "--database", database, "--config", config]);

        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.Contains("Mars/Olympus_Mons", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Export_MissingDatabase_SaysWhere()
    {
        var (code, _, error) = await GatewayRun.InvokeAsync(["export", "--from", "2026-11-24", "--to", "2026-11-25", "--database", "/nonexistent/aizu.db"]);

        Assert.Equal(ExitCodes.BadConfiguration, code);
        Assert.Contains("no gateway database", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ToAFullDisk_FailsInOneLine_AndDoesNotClaimSuccess()
    {
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu.db");
        await StoreAsync(database, new Aizu.Household.HouseholdCalendar(TimeZoneInfo.Local), [new Reading(SeriesNames.ElectricPower, new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), 500, Units.Watt)]);

        using var output = new FullDiskWriter();
        using var error = new StringWriter();
        int code = await GatewayCommandLine.Create(output, error)
            .Parse(["export", "--from", "2026-11-24", "--to", "2026-11-25", "--resolution", "raw", "--database", database])
            .InvokeAsync(new() { Output = output, Error = error });

        Assert.Equal(ExitCodes.CannotStart, code);
        Assert.Equal("error: the export could not be written, it is incomplete: No space left on device", error.ToString().Trim());
    }

    [Fact]
    public async Task Export_FromAStoreThatCannotBeOpened_FailsInOneLine()
    {
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu.db");
        await File.WriteAllTextAsync(database, "not a database, as a half-written card might hold");

        var (code, _, error) = await GatewayRun.InvokeAsync(["export", "--from", "2026-11-24", "--to", "2026-11-25", "--resolution", "raw", "--database", database]);

        Assert.Equal(ExitCodes.CannotStart, code);
        Assert.StartsWith("error: the store cannot be read: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static async Task StoreAsync(string database, Aizu.Household.HouseholdCalendar household, IReadOnlyList<Reading> readings)
    {
        await using var store = new ReadingStore(Options.Create(new StorageOptions { DatabasePath = database }), NullLogger<ReadingStore>.Instance, household);
        await store.AppendAsync(readings, CancellationToken.None);
    }

    // A destination with no room left, as stdout redirected to a full card is.
    private sealed class FullDiskWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override Task WriteAsync(char value) => throw new IOException("No space left on device");

        public override Task WriteAsync(string? value) => throw new IOException("No space left on device");

        public override Task WriteAsync(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => throw new IOException("No space left on device");

        public override Task WriteLineAsync(string? value) => throw new IOException("No space left on device");

        public override Task FlushAsync() => throw new IOException("No space left on device");
    }
}
