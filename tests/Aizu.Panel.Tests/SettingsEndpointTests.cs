namespace Aizu.Panel.Tests;

public sealed class SettingsEndpointTests
{
    // 2025-06-02 12:00 in Tokyo.
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.FromHours(9));

    private static async Task<JsonElement> GetJson(PanelHost host, string path)
    {
        using var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static Tariff Tiered()
    {
        var options = new TariffOptions { Currency = "JPY", Kind = TariffKind.Tiered, BasicChargePerMonth = 935.25m, RenewableSurchargePerKWh = 3.49m };
        options.Tiers.Add(new TariffTierOptions { Name = "第1段階", UpToKWh = 120, PricePerKWh = 29.80m });
        options.Tiers.Add(new TariffTierOptions { Name = "第2段階", UpToKWh = 300, PricePerKWh = 36.40m });
        options.Tiers.Add(new TariffTierOptions { Name = "第3段階", PricePerKWh = 40.49m });
        return Tariff.FromOptions(options, PanelHost.Calendar);
    }

    private static async Task StoreDay(PanelHost host) =>
        await host.Store.AppendAsync(
        [
            new(SeriesNames.ElectricPower, Now.AddHours(-2), 480, Units.Watt),
            new(SeriesNames.ElectricPower, Now.AddHours(-1), 532.5, Units.Watt),
            new(SeriesNames.ElectricImportEnergy, Now.AddHours(-2), 100, Units.KilowattHour),
            new(SeriesNames.ElectricImportEnergy, Now.AddHours(-1), 100.5, Units.KilowattHour),
        ], CancellationToken.None);

    [Fact]
    public async Task Settings_without_optional_components_say_so()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        await StoreDay(host);

        var settings = await GetJson(host, "/api/settings");

        Assert.Equal(JsonValueKind.Null, settings.GetProperty("tariff").ValueKind);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("influx").ValueKind);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("activeConsents").ValueKind);
        var storage = settings.GetProperty("storage");
        Assert.Equal(13, storage.GetProperty("rawMonths").GetInt32());
        Assert.Equal(0, storage.GetProperty("dayMonths").GetInt32());
        Assert.Equal(256, storage.GetProperty("minFreeSpaceMegabytes").GetInt64());
        Assert.Equal(7, storage.GetProperty("rawDaysAlwaysKept").GetInt32());
        Assert.Equal(60, storage.GetProperty("commitWindowSeconds").GetDouble());
        Assert.Equal(2, storage.GetProperty("series").GetInt32());
        Assert.Equal(4, storage.GetProperty("readings").GetInt64());
        Assert.Equal(host.Store.DatabasePath, storage.GetProperty("databasePath").GetString());
        Assert.Equal("ok", storage.GetProperty("health").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Settings_describe_the_tariff_the_mirror_and_the_consents()
    {
        var registry = new FakeConsents(Now, active: 1);
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now), services: s =>
        {
            s.AddSingleton(Tiered());
            s.AddSingleton(new InfluxMirrorStatus());
            s.AddSingleton<IConsentRegistry>(registry);
        });

        var settings = await GetJson(host, "/api/settings");

        var tariff = settings.GetProperty("tariff");
        Assert.Equal("tiered", tariff.GetProperty("kind").GetString());
        Assert.Equal("JPY", tariff.GetProperty("currency").GetString());
        Assert.Equal("Asia/Tokyo", tariff.GetProperty("timeZone").GetString());
        var tiers = tariff.GetProperty("tiers").EnumerateArray().ToArray();
        Assert.Equal(3, tiers.Length);
        Assert.Equal("第2段階", tiers[1].GetProperty("name").GetString());
        Assert.Equal(120, tiers[1].GetProperty("fromKWh").GetDecimal());
        Assert.Equal(300, tiers[1].GetProperty("upToKWh").GetDecimal());
        Assert.Equal(JsonValueKind.Null, tiers[2].GetProperty("upToKWh").ValueKind);
        Assert.Equal(40.49m, tiers[2].GetProperty("pricePerKWh").GetDecimal());
        Assert.Equal(935.25m, tariff.GetProperty("basicChargePerMonth").GetDecimal());
        Assert.Equal("starting", settings.GetProperty("influx").GetProperty("state").GetString());
        Assert.Equal(1, settings.GetProperty("activeConsents").GetInt32());
    }

    [Fact]
    public async Task Settings_export_and_erase_are_for_the_signed_in_household_only()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now), signIn: false);

        foreach (var path in new[] { "/api/settings", "/api/export?from=2025-06-01&to=2025-06-02" })
        {
            using var response = await host.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Export_streams_the_readings_as_a_csv_download()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        await StoreDay(host);

        using var response = await host.Client.GetAsync("/api/export?from=2025-06-02&to=2025-06-02&resolution=raw&format=csv&series=elec.power");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("aizu-2025-06-02-2025-06-02-raw.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "series,timestamp,value,unit,quality",
            "elec.power,2025-06-02T01:00:00.000Z,480,W,Good",
            "elec.power,2025-06-02T02:00:00.000Z,532.5,W,Good",
        ], lines);
    }

    [Fact]
    public async Task Export_as_json_in_hours_of_every_series_and_bad_parameters_are_refused()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        await StoreDay(host);

        using var response = await host.Client.GetAsync("/api/export?from=2025-06-01&to=2025-06-02&resolution=hour&format=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var records = document.RootElement.EnumerateArray().ToArray();
        Assert.Contains(records, r => r.GetProperty("series").GetString() == SeriesNames.ElectricImportEnergy && r.GetProperty("energy").ValueKind == JsonValueKind.Number);
        Assert.Contains(records, r => r.GetProperty("series").GetString() == SeriesNames.ElectricPower && r.GetProperty("mean").GetDouble() == 480);

        foreach (var query in new[] { "from=2025-06-02&to=2025-06-01", "from=yesterday&to=2025-06-01", "from=2025-06-01&to=2025-06-02&resolution=week", "from=2025-06-01&to=2025-06-02&format=xml", "from=0001-01-01&to=2025-06-01", "from=2025-06-01&to=9999-12-31" })
        {
            using var bad = await host.Client.GetAsync("/api/export?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
    }

    [Fact]
    public async Task Erase_requires_the_password_and_keeps_the_gateway_running()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        await StoreDay(host);

        using (var wrong = await host.Client.PostAsJsonAsync("/api/erase", new EraseRequest("not the password")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        }

        using (var empty = await host.Client.PostAsJsonAsync("/api/erase", new EraseRequest(null)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, empty.StatusCode);
        }

        Assert.Equal(4, await host.Store.CountAsync(CancellationToken.None));

        using var erased = await host.Client.PostAsJsonAsync("/api/erase", new EraseRequest(PanelHost.Password));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        using var document = JsonDocument.Parse(await erased.Content.ReadAsStringAsync());
        Assert.Equal(4, document.RootElement.GetProperty("readings").GetInt64());
        Assert.Equal(2, document.RootElement.GetProperty("series").GetInt32());
        Assert.Contains("consentLedger", document.RootElement.GetProperty("kept").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(0, await host.Store.CountAsync(CancellationToken.None));

        // Still running and storing; today starts again from the new readings.
        await host.Store.AppendAsync([new(SeriesNames.ElectricPower, Now, 300, Units.Watt)], CancellationToken.None);
        var today = await GetJson(host, "/api/today");
        Assert.Equal(300, today.GetProperty("latestPowerW").GetDouble());
        Assert.Equal(JsonValueKind.Null, today.GetProperty("importKWh").ValueKind);
    }

    [Fact]
    public async Task Erase_is_refused_while_a_consent_is_given()
    {
        var registry = new FakeConsents(Now, active: 2);
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now), services: s => s.AddSingleton<IConsentRegistry>(registry));
        await StoreDay(host);

        using var refused = await host.Client.PostAsJsonAsync("/api/erase", new EraseRequest(PanelHost.Password));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("withdraw", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, await host.Store.CountAsync(CancellationToken.None));

        registry.WithdrawAll();
        using var erased = await host.Client.PostAsJsonAsync("/api/erase", new EraseRequest(PanelHost.Password));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(0, await host.Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_disk_below_its_floor_shows_in_status_and_settings()
    {
        await using var host = await PanelHost.StartAsync(
            new FakeTimeProvider(Now),
            new Dictionary<string, string?> { ["Aizu:Storage:MinFreeSpaceMegabytes"] = "1024" },
            services: s => s.AddSingleton<IFreeSpaceProbe>(new NoFreeSpace()));
        await StoreDay(host);
        await host.Store.RunMaintenanceAsync(CancellationToken.None);

        var status = await GetJson(host, "/api/status");
        var storage = status.GetProperty("storage");
        Assert.Equal("critical", storage.GetProperty("state").GetString());
        Assert.Equal(1024L * 1024 * 1024, storage.GetProperty("floorBytes").GetInt64());
        Assert.Contains("below the floor", storage.GetProperty("problem").GetString(), StringComparison.Ordinal);

        var settings = await GetJson(host, "/api/settings");
        Assert.Equal("critical", settings.GetProperty("storage").GetProperty("health").GetProperty("state").GetString());
    }

    private sealed class NoFreeSpace : IFreeSpaceProbe
    {
        public long GetAvailableBytes(string directory) => 0;

        public long GetTotalBytes(string directory) => 16L * 1024 * 1024 * 1024;
    }

    private sealed class FakeConsents(DateTimeOffset now, int active) : IConsentRegistry
    {
        private List<ConsentGrant> grants = [.. Enumerable.Range(0, active).Select(i => Grant(now, i, ConsentStatus.Given))
            .Append(Grant(now, 99, ConsentStatus.Withdrawn))];

        public void WithdrawAll() => grants = [.. grants.Select(g => g with { Status = ConsentStatus.Withdrawn })];

        public Task<IReadOnlyList<ConsentGrant>> GetGrantsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ConsentGrant>>(grants);

        public Task<ConsentGrant?> GetGrantAsync(string consentId, int version, CancellationToken cancellationToken) =>
            Task.FromResult(grants.FirstOrDefault(g => g.ConsentId == consentId && g.Version == version));

        public async IAsyncEnumerable<ConsentChange> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }

        public Task<ConsentIntegrityReport> CheckIntegrityAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new ConsentIntegrityReport(true, grants.Count, null, null, now, null));

        public Task<PurposeCatalogue?> GetCatalogueAsync(CancellationToken cancellationToken) => Task.FromResult<PurposeCatalogue?>(null);

        private static ConsentGrant Grant(DateTimeOffset now, int i, ConsentStatus status) => new(
            $"consent-{i}", 1, "elec.import.energy", "PT15M", "energy-planning", "https://w3id.org/dpv#ServiceOptimisation",
            "city-energy-office", false, ValueTransform.Default, now.AddDays(-10), now.AddDays(300), status);
    }
}
