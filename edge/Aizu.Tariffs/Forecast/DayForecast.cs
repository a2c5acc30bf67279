namespace Aizu.Tariffs;

/// <summary>Today so far and projected to its end.</summary>
/// <param name="Day">The local date.</param>
/// <param name="At">The instant the forecast was made for.</param>
/// <param name="ImportMethod">How the rest of the day's import was projected.</param>
/// <param name="ExportMethod">How the rest of the day's export was projected.</param>
/// <param name="ImportSoFarKWh">Imported since local midnight.</param>
/// <param name="ExportSoFarKWh">Exported since local midnight.</param>
/// <param name="ImportKWh">Projected import for the whole day.</param>
/// <param name="ExportKWh">Projected export for the whole day.</param>
/// <param name="RemainingImport">The projected import from <paramref name="At"/> to the end of the day, as slots (for a chart).</param>
/// <param name="RemainingExport">The projected export from <paramref name="At"/> to the end of the day.</param>
/// <param name="CostSoFar">The day's cost from the energy so far (with the day's whole share of the basic charge).</param>
/// <param name="Cost">The day's projected cost.</param>
public sealed record DayForecast(
    DateOnly Day,
    DateTimeOffset At,
    ForecastMethod ImportMethod,
    ForecastMethod ExportMethod,
    decimal ImportSoFarKWh,
    decimal ExportSoFarKWh,
    decimal ImportKWh,
    decimal ExportKWh,
    IReadOnlyList<EnergySlot> RemainingImport,
    IReadOnlyList<EnergySlot> RemainingExport,
    CostBreakdown CostSoFar,
    CostBreakdown Cost);
