namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// What a gateway's store holds, read the way an installer reads it (<c>aizu export</c>, JSON), while the gateway
/// runs or after it died: raw readings, and one rollup level to check against them.
/// </summary>
internal sealed class StoreSnapshot
{
    private StoreSnapshot(IReadOnlyList<RawPoint> raw, IReadOnlyList<RollupPoint> minutes, IReadOnlyList<RollupPoint> days)
    {
        Raw = raw;
        Minutes = minutes;
        Days = days;
    }

    /// <summary>Every raw reading.</summary>
    public IReadOnlyList<RawPoint> Raw { get; }

    /// <summary>Every minute rollup.</summary>
    public IReadOnlyList<RollupPoint> Minutes { get; }

    /// <summary>Every day rollup (the household's local days).</summary>
    public IReadOnlyList<RollupPoint> Days { get; }

    /// <summary>
    /// Reads the store at <paramref name="database"/>; the minute and day rollups only when asked (each costs an export).
    /// The day rollups are the household's days only with the gateway's <paramref name="configuration"/> file (its
    /// time zone): without it, the export's days are this machine's. By default the days from three days ago to
    /// tomorrow, or those from <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    public static async Task<StoreSnapshot> ReadAsync(
        string database, bool withMinutes = false, bool withDays = false, string? configuration = null, DateOnly? from = null, DateOnly? to = null)
    {
        var days = (From: from ?? Day(-3), To: to ?? Day(2));
        var raw = new List<RawPoint>();
        foreach (var record in await ExportAsync(database, configuration, days, "raw"))
        {
            raw.Add(new RawPoint(
                record.GetProperty("series").GetString()!,
                DateTimeOffset.Parse(record.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture),
                record.GetProperty("value").GetDouble()));
        }

        var minutes = withMinutes ? await RollupsAsync(database, configuration, days, "minute") : [];
        var dayRollups = withDays ? await RollupsAsync(database, configuration, days, "day") : [];
        return new StoreSnapshot(raw, minutes, dayRollups);
    }

    private static async Task<List<RollupPoint>> RollupsAsync(string database, string? configuration, (DateOnly From, DateOnly To) days, string resolution)
    {
        var rollups = new List<RollupPoint>();
        foreach (var record in await ExportAsync(database, configuration, days, resolution))
        {
            rollups.Add(new RollupPoint(
                record.GetProperty("series").GetString()!,
                DateTimeOffset.Parse(record.GetProperty("start").GetString()!, CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(record.GetProperty("end").GetString()!, CultureInfo.InvariantCulture),
                record.GetProperty("count").GetInt64(),
                Number(record, "min"),
                Number(record, "max"),
                Number(record, "energy")));
        }

        return rollups;
    }

    private static double? Number(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    // The demo's readings are from today; a range of decades would make the export walk every day of them.
    private static DateOnly Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow.Date.AddDays(offset));

    private static async Task<List<JsonElement>> ExportAsync(string database, string? configuration, (DateOnly From, DateOnly To) days, string resolution)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] withConfiguration = configuration is null ? [] : ["--config", configuration];
        int code = await GatewayCommandLine.Create(output, error)
            .Parse(["export", "--database", database, .. withConfiguration, "--from", Text(days.From), "--to", Text(days.To), "--resolution", resolution, "--format", "json"])
            .InvokeAsync(new() { Output = output, Error = error });
        if (code != ExitCodes.Ok)
        {
            throw new InvalidOperationException($"aizu export --resolution {resolution} exited {code}: {error}");
        }

        using var json = JsonDocument.Parse(output.ToString());
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
