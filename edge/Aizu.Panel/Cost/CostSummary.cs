namespace Aizu.Panel;

/// <summary>Money in one figure with the energy behind it; amounts in <see cref="TodayCost.Currency"/>.</summary>
/// <param name="ImportKWh">Energy bought.</param>
/// <param name="ExportKWh">Energy sold.</param>
/// <param name="Charges">What the bill asks for (rounded as the tariff rounds).</param>
/// <param name="ExportCredit">What export earned (rounded).</param>
/// <param name="Net">Charges minus export credit.</param>
/// <param name="Lines">The energy charge per tier, period or flat line, then basic charge, fuel-cost adjustment and renewable surcharge.</param>
public sealed record CostSummary(
    decimal ImportKWh,
    decimal ExportKWh,
    decimal Charges,
    decimal ExportCredit,
    decimal Net,
    IReadOnlyList<CostLine> Lines);
