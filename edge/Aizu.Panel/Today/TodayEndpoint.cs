namespace Aizu.Panel;

/// <summary><c>GET /api/today</c>: energy imported and exported since local midnight, and the latest power.</summary>
internal static class TodayEndpoint
{
    public static async Task<Ok<TodaySummary>> HandleAsync(
        IReadingQueries store,
        LiveFeed feed,
        PanelClock clock,
        CancellationToken cancellationToken)
    {
        var (date, start) = clock.Today();
        var now = clock.UtcNow;
        var import = await store.GetCumulativeDeltaAsync(SeriesNames.ElectricImportEnergy, start, now, cancellationToken);
        var export = await store.GetCumulativeDeltaAsync(SeriesNames.ElectricExportEnergy, start, now, cancellationToken);
        var gas = await store.GetCumulativeDeltaAsync(SeriesNames.GasVolume, start, now, cancellationToken);
        var water = await store.GetCumulativeDeltaAsync(SeriesNames.WaterVolume, start, now, cancellationToken);

        // After a restart the live feed is empty until the meter answers; the store still knows.
        Reading? power = feed.TryGetLatest(SeriesNames.ElectricPower, out var live)
            ? live
            : await store.GetLatestAsync(SeriesNames.ElectricPower, cancellationToken);

        return TypedResults.Ok(new TodaySummary(
            date,
            clock.Zone.Id,
            Round(import),
            Round(export),
            power?.Value,
            power?.Timestamp)
        {
            GasM3 = Round(gas),
            WaterM3 = Round(water),
        });
    }

    // Registers count in 0.1 or 0.01 kWh; subtracting doubles leaves noise in the 12th decimal.
    private static double? Round(double? kWh) => kWh is { } value ? Math.Round(value, 3) : null;
}
