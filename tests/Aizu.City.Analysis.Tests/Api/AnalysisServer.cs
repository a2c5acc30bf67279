namespace Aizu.City.Analysis.Tests;

/// <summary>
/// Real PostgreSQL with the ingest's schema, seeded through the ingest's own store with simulated households whose
/// daily energy is known, and the analyst host on a free port in this process.
/// </summary>
public sealed class AnalysisServer : IAsyncLifetime
{
    public const string Planning = "district-planning";
    public const string Peak = "peak-demand-study";
    public const string Withdrawals = "withdrawal-study";
    public const string OpenData = "open-data";
    public const string Mixed = "mixed-districts";
    public const string Moving = "moving-study";
    public const string Summaries = "summary-study";
    public const string Category = "elec.import.energy";
    public static readonly DateOnly December1 = new(2026, 12, 1);
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);
    private PostgresServer postgres = null!;
    private WebApplication app = null!;

    /// <summary>Every seeded window: purpose, pseudonym, district, local day, Wh.</summary>
    public List<(string Purpose, string Household, string? District, DateOnly Day, double Wh)> Truth { get; } = [];

    public string ConnectionString { get; private set; } = "";

    public Uri Address { get; private set; } = null!;

    public AnalysisDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        postgres = await PostgresServer.StartAsync();
        await postgres.CreateDatabaseAsync("city");
        ConnectionString = postgres.ConnectionString("city");
        Database = new AnalysisDatabase(Options.Create(new AnalysisOptions { ConnectionString = ConnectionString }), NullLoggerFactory.Instance);
        await Database.MigrateAsync(CancellationToken.None);

        var random = new Random(1616);
        Households(Planning, "north", 20, "aizu/north", 10, random);
        Households(Planning, "east", 14, "aizu/east", 10, random);
        Households(Planning, "west", 16, "aizu/west", 10, random, dominant: 10);
        Households(Planning, "south", 30, "aizu/south", 10, random);
        // Joins on 10 December and uses a lot that day.
        Households(Planning, "joiner", 1, "aizu/south", 1, random, dominant: 12, firstDay: 9);
        Households(Peak, "peak", 40, "aizu/north", 10, random);
        Households(Withdrawals, "quit", 20, "aizu/north", 10, random);
        Households(OpenData, "open", 150, "aizu/north", 10, random);
        // Districts of every depth and none, a district below k, and one that starts late (its day lists differ).
        Households(Mixed, "none", 16, null, 10, random);
        Households(Mixed, "city", 15, "aizu", 10, random);
        Households(Mixed, "na", 16, "aizu/north/a", 10, random, dominant: 4);
        Households(Mixed, "nb", 8, "aizu/north/b", 10, random);
        Households(Mixed, "south", 20, "aizu/south", 5, random, firstDay: 3);
        Households(Mixed, "late", 2, "aizu/south", 2, random, firstDay: 8);
        Households(Mixed, "other", 17, "kitakata/x", 10, random);
        // One household that moves from north to south on 6 December.
        Households(Moving, "stay", 20, "aizu/north", 10, random);
        Households(Moving, "mover", 1, "aizu/north", 5, random);
        Households(Moving, "mover", 1, "aizu/south", 5, random, firstDay: 5);
        Households(Summaries, "sum", 20, "aizu/north", 10, random);
        Households(Summaries, "sum-south", 16, "aizu/south", 10, random);
        var ingest = new IngestDatabase(Options.Create(new IngestOptions { ConnectionString = ConnectionString }), NullLogger<IngestDatabase>.Instance);
        await using (ingest)
        {
            var store = new AggregateStore(ingest, TimeProvider.System);
            foreach (var batch in Truth.Chunk(500))
            {
                await store.StoreAsync([.. batch.Select(t => (Window(t), DateTimeOffset.UtcNow.AddYears(2), t.District))], CancellationToken.None);
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:City:Analysis:ConnectionString"] = ConnectionString,
            ["Aizu:City:Analysis:Url"] = "http://127.0.0.1:0",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IRandomSource>(new SeededRandomSource(16));
        builder.Services.AddAizuCityAnalysis(builder.Configuration.GetSection(AnalysisOptions.SectionName));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapAnalysisEndpoints();
        await app.StartAsync();
        Address = new Uri(app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await Database.DisposeAsync();
        await postgres.DisposeAsync();
    }

    /// <summary>A new analyst for <paramref name="purposes"/> and a client carrying their token.</summary>
    public async Task<HttpClient> AnalystAsync(params string[] purposes)
    {
        var token = await new AnalystDirectory(Database, TimeProvider.System).AddAsync($"analyst-{Guid.NewGuid():N}"[..16], purposes, CancellationToken.None);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Anonymous() => new() { BaseAddress = Address };

    /// <summary>The true energy and household count of a district over local days [from, to].</summary>
    public (decimal Energy, int Households) Sum(string purpose, string district, DateOnly from, DateOnly to)
    {
        var rows = Truth.Where(t => t.Purpose == purpose && t.District == district && t.Day >= from && t.Day <= to).ToList();
        return (rows.Sum(r => (decimal)r.Wh), rows.Select(r => r.Household).Distinct().Count());
    }

    /// <summary>Withdraws a household through the ingest's own deletion service.</summary>
    public async Task WithdrawAsync(string purpose, string household)
    {
        var ingest = new IngestDatabase(Options.Create(new IngestOptions { ConnectionString = ConnectionString }), NullLogger<IngestDatabase>.Instance);
        await using (ingest)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var options = Options.Create(new IngestOptions { ConnectionString = ConnectionString, Recipient = "city-energy-office" });
            var service = new DeletionService(ingest, new DeletionConfirmationSigner(key), options, TimeProvider.System);
            var request = new Aizu.Wire.DeletionRequestMessage([$"ref-{household}"], "withdrawn", "all", Category, purpose, "city-energy-office", household, new DateOnly(2026, 12, 20));
            await service.ExecuteAsync($"request-{household}", request, CancellationToken.None);
        }

        Truth.RemoveAll(t => t.Purpose == purpose && t.Household == household);
    }

    private void Households(string purpose, string prefix, int count, string? district, int days, Random random, double dominant = 1, int firstDay = 0)
    {
        for (var i = 0; i < count; i++)
        {
            for (var day = firstDay; day < firstDay + days; day++)
            {
                var wh = Math.Round(random.Next(8_000, 16_000) * (i == 0 ? dominant : 1), 1);
                Truth.Add((purpose, $"{prefix}-{i:000}", district, December1.AddDays(day), wh));
            }
        }
    }

    private static EnergyWindow Window((string Purpose, string Household, string? District, DateOnly Day, double Wh) t)
    {
        var start = new DateTimeOffset(t.Day.ToDateTime(TimeOnly.MinValue), Japan).ToUniversalTime();
        return new EnergyWindow($"{t.Purpose}-{t.Household}-{t.Day:yyyyMMdd}", new DataSet(t.Purpose, t.Household), Category, start, start.AddDays(1), "P1D", t.Wh, $"ref-{t.Household}");
    }
}
