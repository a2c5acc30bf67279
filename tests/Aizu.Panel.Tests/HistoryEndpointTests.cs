namespace Aizu.Panel.Tests;

public sealed class HistoryEndpointTests
{
    // Wednesday 4 June 2025, 12:00 in Tokyo.
    private static readonly DateTimeOffset Now = new(2025, 6, 4, 12, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task A_day_has_48_half_hours_with_the_energy_counted_in_each_and_no_next_page_today()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        var midnight = new DateTimeOffset(2025, 6, 4, 0, 0, 0, TimeSpan.FromHours(9));
        await host.Store.AppendAsync(
        [
            Import(midnight, 100.0),
            Import(midnight.AddMinutes(30), 100.4),
            Import(midnight.AddHours(7).AddMinutes(30), 101.9),
        ], CancellationToken.None);

        var page = await GetAsync(host, "/api/history?span=day");

        Assert.Equal("Day", page.GetProperty("span").GetString());
        Assert.Equal("2025-06-04", page.GetProperty("date").GetString());
        Assert.Equal("2025-06-03", page.GetProperty("previous").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        var buckets = page.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(48, buckets.Count);
        Assert.Equal(0.4, buckets[0].GetProperty("importKWh").GetDouble(), 3);
        Assert.Equal(1.9, page.GetProperty("importKWh").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("periods").ValueKind);
    }

    [Fact]
    public async Task A_week_starts_on_monday_and_a_past_page_links_forward()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));

        var page = await GetAsync(host, "/api/history?span=week&date=2025-05-22");

        Assert.Equal("2025-05-19", page.GetProperty("date").GetString());
        Assert.Equal("2025-05-26", page.GetProperty("next").GetString());
        Assert.Equal(7, page.GetProperty("buckets").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("importKWh").ValueKind);
    }

    [Theory]
    [InlineData("/api/history?span=fortnight")]
    [InlineData("/api/history?span=day&date=4%2F6%2F2025")]
    [InlineData("/api/history?span=week&date=0001-01-01")]
    [InlineData("/api/history?span=year&date=9999-12-31")]
    [InlineData("/api/history?span=month&date=1969-12-31")]
    public async Task Bad_parameters_are_refused_with_the_reason(string path)
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));

        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("is not|is outside the dates the panel covers", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("1970-01-01")]
    [InlineData("2199-12-31")]
    public async Task The_first_and_last_supported_dates_answer_with_empty_pages(string date)
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));

        foreach (var span in new[] { "day", "week", "month", "year" })
        {
            using var response = await host.Client.GetAsync($"/api/history?span={span}&date={date}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task With_a_time_of_use_tariff_energy_bought_is_split_by_period_and_priced()
    {
        var options = new TariffOptions { Currency = "JPY", Kind = TariffKind.TimeOfUse };
        options.Periods.Add(new TariffPeriodOptions { Name = "day", Start = new TimeOnly(7, 0), End = new TimeOnly(23, 0), PricePerKWh = 35.00m });
        options.Periods.Add(new TariffPeriodOptions { Name = "night", Start = new TimeOnly(23, 0), End = new TimeOnly(7, 0), PricePerKWh = 20.00m });
        var tariff = Tariff.FromOptions(options, PanelHost.Calendar);
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now), services: s => s.AddSingleton(new TariffCalculator(tariff)));
        var midnight = new DateTimeOffset(2025, 6, 4, 0, 0, 0, TimeSpan.FromHours(9));
        await host.Store.AppendAsync(
        [
            Import(midnight, 100.0),
            Import(midnight.AddHours(3), 101.0),    // 1.0 kWh at night
            Import(midnight.AddHours(9), 103.5),    // 2.5 kWh, of which 06:00–07:00 is night and 07:00–09:00 day
            Import(midnight.AddHours(11), 104.5),   // 1.0 kWh by day
        ], CancellationToken.None);

        var page = await GetAsync(host, "/api/history?span=day");

        Assert.Equal("JPY", page.GetProperty("currency").GetString());
        var periods = page.GetProperty("periods").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        double day = periods["day"].GetProperty("kWh").GetDouble();
        double night = periods["night"].GetProperty("kWh").GetDouble();

        // However the store spreads the 03:00–09:00 step over its quarter hours, the periods add up to the day.
        Assert.Equal(4.5, day + night, 3);
        Assert.True(night >= 1.0 && day >= 1.0, $"night {night}, day {day}");
        Assert.Equal(Math.Round((decimal)day * 35.00m, 0, MidpointRounding.ToZero), periods["day"].GetProperty("amount").GetDecimal());
        Assert.Equal(20.00m, periods["night"].GetProperty("pricePerKWh").GetDecimal());
    }

    private static Reading Import(DateTimeOffset at, double kWh) => new(SeriesNames.ElectricImportEnergy, at, kWh, Units.KilowattHour);

    private static async Task<JsonElement> GetAsync(PanelHost host, string path)
    {
        using var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
