namespace Aizu.Panel;

/// <summary>
/// <c>GET /api/climate?hours=24</c>: every room with indoor sensors, its latest temperature, humidity,
/// CO2 and pressure with a comfort level, and a line of each over the last hours.
/// </summary>
internal static class ClimateEndpoint
{
    /// <summary>A value older than this is shown as "no recent reading".</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(30);

    private const int DefaultHours = 24;
    private const int MaxHours = 7 * 24;
    private const int LinePoints = 288;
    private const string Prefix = "indoor.";

    private static readonly (string Suffix, IndoorQuantity Quantity)[] Quantities =
    [
        ("temperature", IndoorQuantity.Temperature),
        ("humidity", IndoorQuantity.Humidity),
        ("co2", IndoorQuantity.Co2),
        ("pressure", IndoorQuantity.Pressure),
    ];

    public static RouteHandlerBuilder MapClimate(this RouteGroupBuilder group) => group.MapGet("/climate", HandleAsync);

    public static async Task<Results<Ok<ClimateOverview>, ProblemHttpResult>> HandleAsync(
        int? hours,
        IReadingQueries store,
        LiveFeed feed,
        PanelClock clock,
        CancellationToken cancellationToken)
    {
        if (hours is < 1 or > MaxHours)
        {
            return TypedResults.Problem($"hours must be between 1 and {MaxHours}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad hours");
        }

        var to = clock.UtcNow;
        var from = to - TimeSpan.FromHours(hours ?? DefaultHours);
        var bands = ComfortBands.Default;
        var rooms = new List<ClimateRoom>();
        foreach (var room in Rooms(await store.GetSeriesAsync(cancellationToken)))
        {
            var found = new ClimateQuantity?[Quantities.Length];
            for (var i = 0; i < Quantities.Length; i++)
            {
                found[i] = await ReadAsync(store, feed, SeriesNames.Indoor(room, Quantities[i].Quantity), Quantities[i].Quantity, bands, from, to, cancellationToken);
            }

            if (found.Any(q => q is not null))
            {
                rooms.Add(new ClimateRoom(room, found[0], found[1], found[2], found[3]));
            }
        }

        return TypedResults.Ok(new ClimateOverview(clock.Zone.Id, from, to, bands, rooms));
    }

    /// <summary>Room slugs of the stored <c>indoor.{room}.{quantity}</c> series, in name order.</summary>
    internal static IReadOnlyList<string> Rooms(IEnumerable<SeriesInfo> series)
    {
        var rooms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var info in series)
        {
            if (!info.Name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = info.Name.AsSpan(Prefix.Length);
            var dot = rest.LastIndexOf('.');
            if (dot <= 0)
            {
                continue;
            }

            var room = rest[..dot].ToString();
            var suffix = rest[(dot + 1)..].ToString();
            if (SeriesNames.IsRoomSlug(room) && Array.Exists(Quantities, q => q.Suffix == suffix))
            {
                rooms.Add(room);
            }
        }

        return [.. rooms];
    }

    private static async Task<ClimateQuantity?> ReadAsync(
        IReadingQueries store, LiveFeed feed, string series, IndoorQuantity quantity, ComfortBands bands,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // The live feed is fresher than the store by up to a batch; after a restart only the store knows.
        Reading? latest = feed.TryGetLatest(series, out var live) ? live : await store.GetLatestAsync(series, cancellationToken);
        if (latest is not { } reading)
        {
            return null;
        }

        var line = await store.GetRangeAsync(series, from, to, Resolution.Minute, LinePoints, cancellationToken);
        var times = new long[line.Points.Count];
        var values = new double?[line.Points.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = line.Points[i].Start.ToUnixTimeSeconds();
            values[i] = line.Points[i].Mean is { } mean ? Math.Round(mean, 2) : null;
        }

        string? level = quantity switch
        {
            IndoorQuantity.Temperature => bands.Temperature(reading.Value),
            IndoorQuantity.Humidity => bands.Humidity(reading.Value),
            IndoorQuantity.Co2 => bands.Co2(reading.Value),
            _ => null,
        };
        return new ClimateQuantity(
            Math.Round(reading.Value, 2), reading.Unit, reading.Timestamp, level, to - reading.Timestamp > FreshFor, times, values);
    }
}
