using System.Globalization;
using System.Text.Json;
using Aizu.Gateway.Cli;

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

    /// <summary>Reads the store at <paramref name="database"/>; the minute and day rollups only when asked (each costs an export).</summary>
    public static async Task<StoreSnapshot> ReadAsync(string database, bool withMinutes = false, bool withDays = false)
    {
        var raw = new List<RawPoint>();
        foreach (var record in await ExportAsync(database, "raw"))
        {
            raw.Add(new RawPoint(
                record.GetProperty("series").GetString()!,
                DateTimeOffset.Parse(record.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture),
                record.GetProperty("value").GetDouble()));
        }

        var minutes = withMinutes ? await RollupsAsync(database, "minute") : [];
        var days = withDays ? await RollupsAsync(database, "day") : [];
        return new StoreSnapshot(raw, minutes, days);
    }

    private static async Task<List<RollupPoint>> RollupsAsync(string database, string resolution)
    {
        var rollups = new List<RollupPoint>();
        foreach (var record in await ExportAsync(database, resolution))
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
    private static string Day(int offset) => DateTime.UtcNow.Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> ExportAsync(string database, string resolution)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await GatewayCommandLine.Create(output, error)
            .Parse(["export", "--database", database, "--from", Day(-3), "--to", Day(2), "--resolution", resolution, "--format", "json"])
            .InvokeAsync(new() { Output = output, Error = error });
        if (code != ExitCodes.Ok)
        {
            throw new InvalidOperationException($"aizu export --resolution {resolution} exited {code}: {error}");
        }

        using var json = JsonDocument.Parse(output.ToString());
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
