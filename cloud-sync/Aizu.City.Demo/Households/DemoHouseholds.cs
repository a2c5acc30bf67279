namespace Aizu.City.Demo;

/// <summary>
/// The demo's households and their clocks. Every household shares daily import with the city's
/// planning office; every second one hourly for a peak-demand study; every fourth (from the second)
/// half-hourly with noise for research; every fifth (from the third) daily for a utility, which the city
/// ingest must refuse (wrong recipient); every third (from the first) shares its district for planning.
/// The clocks start two days back and run three hours a step until they reach the real time, then follow it.
/// </summary>
internal sealed class DemoHouseholds : IAsyncDisposable
{
    public const string Recipient = "city-energy-office";
    public const string Planning = "city-energy-planning";
    private static readonly string[] Districts = ["aizu/tsuruga", "aizu/higashiyama", "aizu/kita", "aizu/wakamatsu"];
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    // Three hours a step while catching up: fewer egress passes, the same windows (a pass cuts every window that closed since the last).
    private static readonly TimeSpan Step = TimeSpan.FromHours(3);
    private readonly List<SimulatedGateway> gateways;
    private readonly TimeProvider realTime;

    private DemoHouseholds(List<SimulatedGateway> gateways, TimeProvider realTime)
    {
        this.gateways = gateways;
        this.realTime = realTime;
    }

    public int Count => gateways.Count;

    /// <summary>The households' simulated time (they move together).</summary>
    public DateTimeOffset Now => gateways.Count == 0 ? realTime.GetUtcNow() : gateways.Min(g => g.Now);

    /// <summary>Starts <paramref name="count"/> households, their files in <paramref name="directory"/>.</summary>
    public static async Task<DemoHouseholds> StartAsync(int count, string directory, int brokerPort, TimeProvider realTime, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var today = TimeZoneInfo.ConvertTime(realTime.GetUtcNow(), Japan).Date;
        var start = new DateTimeOffset(today.AddDays(-2), Japan.GetUtcOffset(today));
        var starting = Enumerable.Range(0, count).Select(i =>
        {
            var district = i % 3 == 0 ? Districts[i / 3 % Districts.Length] : null;
            return SimulatedGateway.StartAsync(
                Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"household-{i:D3}")),
                string.Create(CultureInfo.InvariantCulture, $"demo-gw-{i:D3}"), district, brokerPort, start, 10_000 + (i * 137.5),
                GrantsOf(i, district, start), logging, cancellationToken);
        }).ToList();
        try
        {
            return new DemoHouseholds([.. await Task.WhenAll(starting)], realTime);
        }
        catch
        {
            // Those that did start are stopped again before the error goes up.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Moves every clock on, an hour a step while behind the real time and with it after; until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var behind = realTime.GetUtcNow() - Now;
            // Whole minutes once caught up: the egress side evaluates once a (simulated) minute.
            var step = behind >= Step ? Step : behind >= TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : TimeSpan.Zero;
            if (step == TimeSpan.Zero)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), realTime, cancellationToken);
                continue;
            }

            await Task.WhenAll(gateways.Select(g => g.StepAsync(step, cancellationToken)));
        }
    }

    // All at once: after Ctrl+C the broker is gone too, and each gateway's uplink gives up on it in its own time.
    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(gateways.Select(gateway => gateway.DisposeAsync().AsTask()));

    private static List<ConsentGrant> GrantsOf(int i, string? district, DateTimeOffset now)
    {
        List<ConsentGrant> grants = [Grant($"plan-{i}", Granularity.Day, Planning, new ValueTransform(100), now) with { District = district }];
        if (i % 2 == 0)
        {
            grants.Add(Grant($"peak-{i}", Granularity.Hour, "peak-demand-study", new ValueTransform(100), now));
        }

        if (i % 4 == 1)
        {
            grants.Add(Grant($"research-{i}", Granularity.HalfHour, "academic-research", new ValueTransform(10, 50), now));
        }

        if (i % 5 == 2)
        {
            grants.Add(Grant($"util-{i}", Granularity.Day, "utility-tariff-study", new ValueTransform(100), now) with { Recipient = "utility-x" });
        }

        return grants;
    }

    private static ConsentGrant Grant(string id, string granularity, string purpose, ValueTransform transform, DateTimeOffset now) =>
        new(id, 1, DataCategories.ElectricImportEnergy, granularity, purpose, "https://w3id.org/dpv#ImprovePublicServices", Recipient, false, transform, now, now.AddDays(365), ConsentStatus.Given)
        {
            Retention = "P24M",
        };
}
