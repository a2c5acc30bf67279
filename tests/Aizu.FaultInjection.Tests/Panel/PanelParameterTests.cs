namespace Aizu.FaultInjection.Tests.Panel;

/// <summary>
/// Every query and path parameter of the panel's API, signed in, with boundary values (dates at the edges of the
/// calendar, huge and negative numbers, empty, very long, control characters) and seeded random strings: the panel
/// answers each with a success or a 4xx that says what is wrong, never a 5xx.
/// </summary>
public sealed class PanelParameterTests(ITestOutputHelper log)
{
    private const int Seed = 20261206;
    private const int RandomValuesPerParameter = 25;

    private static readonly string[] Boundary =
    [
        "", " ", "0", "-1", "1", "2147483648", "-2147483649", "9223372036854775808", "1e308", "NaN", "Infinity",
        "0001-01-01", "9999-12-31", "1969-12-31", "1970-01-01", "2199-12-31", "2200-01-01", "2026-02-30", "2026-13-01",
        "2026-03-29T02:30:00+01:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999+14:00", "-0001-01-01",
        "raw", "minute", "day", "csv", "json", "xml", "day", "week", "month", "year", "sent", "refused", "pending",
        "ja", "en", "zz-ZZ", "elec.import.energy", "../../etc/passwd", "%00", "\u0000", "\u202E", "🔌",
        new string('9', 400), new string('a', 5000),
    ];

    private static readonly (string Path, string[] Parameters)[] Endpoints =
    [
        ("/api/history", ["span", "date"]),
        ("/api/export", ["from", "to", "resolution", "format", "series"]),
        ("/api/climate", ["hours"]),
        ("/api/egress", ["status", "from", "to", "limit", "before"]),
        ("/api/alerts", ["lang"]),
        ("/api/live/recent", ["minutes"]),
        ("/api/today", ["date"]),
        ("/api/today/cost", ["date"]),
    ];

    [Fact]
    public async Task EveryParameter_WithBoundaryAndRandomValues_NeverAnswers5xx()
    {
        var random = new Random(Seed);
        using var directory = new TemporaryDirectory();
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        var failures = new List<string>();
        int requests = 0;
        int succeeded = 0;
        int unauthorized = 0;

        foreach (var (path, parameters) in Endpoints)
        {
            foreach (var parameter in parameters)
            {
                foreach (var value in Boundary.Concat(Enumerable.Range(0, RandomValuesPerParameter).Select(_ => RandomValue(random))))
                {
                    await CheckAsync($"{path}?{parameter}={Uri.EscapeDataString(value)}");
                }
            }
        }

        // Ranges whose ends are each valid but together are not, or span all of time.
        foreach (var (from, to) in new[] { ("0001-01-01", "9999-12-31"), ("2026-12-31", "2026-01-01"), ("1970-01-01", "1970-01-02"), ("2026-01-01", "2026-01-01") })
        {
            await CheckAsync($"/api/export?from={from}&to={to}&resolution=raw");
            await CheckAsync($"/api/export?from={from}&to={to}&resolution=day&format=json");
            await CheckAsync($"/api/egress?from={from}&to={to}");
        }

        foreach (var id in Boundary.Take(30).Concat(Enumerable.Range(0, RandomValuesPerParameter).Select(_ => RandomValue(random))))
        {
            if (id.Length > 0 && !id.Contains('/', StringComparison.Ordinal))
            {
                await CheckAsync($"/api/consent/receipts/{Uri.EscapeDataString(id)}");
                await CheckAsync($"/api/consent/receipts/{Uri.EscapeDataString(id)}/view");
            }
        }

        log.WriteLine($"{requests} requests (seed {Seed}): {succeeded} answered 2xx, {failures.Count} 5xx.");

        // Signed in, so the handlers (not the sign-in wall) saw every value, and a fair share were good ones.
        Assert.Equal(0, unauthorized);
        Assert.True(succeeded > requests / 10, $"only {succeeded} of {requests} requests succeeded");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests answered 5xx:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(20))}{Environment.NewLine}Gateway output:{Environment.NewLine}{gateway.Output}");
        Assert.False(gateway.HasExited, gateway.Output);

        async Task CheckAsync(string url)
        {
            requests++;
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
            succeeded += response.IsSuccessStatusCode ? 1 : 0;
            unauthorized += response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? 1 : 0;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {url[..Math.Min(url.Length, 200)]}");
            }
        }
    }

    private static string RandomValue(Random random)
    {
        const string Alphabet = "0123456789-:T+Z.,; abcxyz%&=?#/\\'\"<>\u00e9\u65e5\u0000\u001f";
        var text = new StringBuilder();
        int length = random.Next(1, 40);
        for (int i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }
}
