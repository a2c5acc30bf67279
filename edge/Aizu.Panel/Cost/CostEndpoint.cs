namespace Aizu.Panel;

/// <summary><c>GET /api/today/cost</c>: see <see cref="TodayCost"/>.</summary>
internal static class CostEndpoint
{
    public static async Task<Ok<TodayCost>> HandleAsync(
        IReadingQueries store,
        PanelClock clock,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var calculator = services.GetService<TariffCalculator>();

        var calendar = clock.Calendar;
        var zone = calendar.Zone;
        var today = calendar.LocalDate(now);
        var todayStart = calendar.StartOfDay(today);
        var monthStart = calendar.StartOfMonth(today);
        var weekAgoStart = calendar.StartOfDay(today.AddDays(-7));
        var from = monthStart < weekAgoStart ? monthStart : weekAgoStart;
        var import = await EnergySlotReader.ReadAsync(store, SeriesNames.ElectricImportEnergy, from, now, cancellationToken);
        var export = await EnergySlotReader.ReadAsync(store, SeriesNames.ElectricExportEnergy, from, now, cancellationToken);
        var comparison = DayComparer.Compare(import, now, calendar);
        if (calculator is null)
        {
            return TypedResults.Ok(new TodayCost(false, null, zone.Id, now, null, null, null, comparison));
        }

        var importToday = Within(import, todayStart, now);
        var exportToday = Within(export, todayStart, now);
        decimal monthBefore = Within(import, monthStart, todayStart).Sum(s => s.KWh);

        // Same weekday last week is the better guess of a day's shape (work days, weekends); yesterday otherwise.
        var reference = Profile(import, export, today.AddDays(-7), calendar) ?? Profile(import, export, today.AddDays(-1), calendar);
        var forecaster = services.GetRequiredService<DayForecaster>();
        var forecast = forecaster.Forecast(now, importToday, exportToday, monthBefore, reference);
        var month = calculator.CostOfMonth(today, Within(import, monthStart, now), Within(export, monthStart, now));

        return TypedResults.Ok(new TodayCost(
            true,
            calculator.Tariff.Currency,
            zone.Id,
            now,
            Summary(forecast.CostSoFar),
            new TodayForecast(forecast.ImportKWh, forecast.ExportKWh, forecast.Cost.NetTotal, forecast.ImportMethod,
                forecast.ImportMethod == ForecastMethod.Profile ? reference?.Day : null),
            Summary(month),
            comparison));
    }

    /// <summary>A cost breakdown as the panel lists it.</summary>
    public static CostSummary Summary(CostBreakdown cost)
    {
        var lines = new List<CostLine>();
        lines.AddRange(cost.EnergyCharges.Select(l => new CostLine("energy", l.Name, l.KWh, l.PricePerKWh, l.Amount)));
        lines.Add(new CostLine("basic", "basic", null, null, cost.BasicCharge));
        if (cost.FuelCostAdjustment != 0)
        {
            lines.Add(new CostLine("fuel", "fuel", cost.ImportKWh, null, cost.FuelCostAdjustment));
        }

        if (cost.RenewableSurcharge != 0)
        {
            lines.Add(new CostLine("renewable", "renewable", cost.ImportKWh, null, cost.RenewableSurcharge));
        }

        if (cost.ExportCredit != 0)
        {
            lines.Add(new CostLine("export", "export", cost.ExportKWh, null, -cost.ExportCredit));
        }

        return new CostSummary(cost.ImportKWh, cost.ExportKWh, cost.Total, cost.ExportCreditTotal, cost.NetTotal, lines);
    }

    private static EnergySlot[] Within(IReadOnlyList<EnergySlot> slots, DateTimeOffset from, DateTimeOffset to) =>
        [.. slots.Where(s => s.Start >= from && s.Start < to)];

    private static DayProfile? Profile(IReadOnlyList<EnergySlot> import, IReadOnlyList<EnergySlot> export, DateOnly day, HouseholdCalendar calendar)
    {
        var start = calendar.StartOfDay(day);
        var end = calendar.EndOfDay(day);
        var dayImport = Within(import, start, end);
        return dayImport.Length == 0 ? null : new DayProfile(day, dayImport, Within(export, start, end));
    }
}
