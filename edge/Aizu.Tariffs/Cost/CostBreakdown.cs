namespace Aizu.Tariffs;

/// <summary>
/// What a day or a month costs. Every component is exact (unrounded <see cref="decimal"/>); only
/// <see cref="Total"/>, <see cref="ExportCreditTotal"/> and <see cref="NetTotal"/> are rounded to the
/// currency's unit, once, at the end (<see cref="Tariff.Round"/>).
/// </summary>
/// <param name="Currency">ISO 4217 code of all amounts.</param>
/// <param name="From">First instant covered (local midnight of the day or the first of the month).</param>
/// <param name="To">First instant after the day or month.</param>
/// <param name="ImportKWh">Energy taken from the grid.</param>
/// <param name="ExportKWh">Energy fed into the grid.</param>
/// <param name="EnergyCharges">The energy charge per tier, period or flat line, in the tariff's order; lines with no energy included.</param>
/// <param name="EnergyCharge">Sum of <paramref name="EnergyCharges"/>.</param>
/// <param name="BasicCharge">The monthly basic charge; for a day, its share (monthly charge ÷ days in the month).</param>
/// <param name="FuelCostAdjustment">Fuel-cost adjustment: <paramref name="ImportKWh"/> × its rate (may be negative).</param>
/// <param name="RenewableSurcharge">Renewable energy surcharge: <paramref name="ImportKWh"/> × its rate.</param>
/// <param name="Charges">Energy charge + basic charge + fuel-cost adjustment + renewable surcharge, exact.</param>
/// <param name="ExportCredit">What export earns: <paramref name="ExportKWh"/> × the export price, exact.</param>
/// <param name="Total"><paramref name="Charges"/> rounded: what the bill asks for.</param>
/// <param name="ExportCreditTotal"><paramref name="ExportCredit"/> rounded.</param>
/// <param name="NetTotal"><paramref name="Total"/> − <paramref name="ExportCreditTotal"/>: what the electricity cost after export.</param>
public sealed record CostBreakdown(
    string Currency,
    DateTimeOffset From,
    DateTimeOffset To,
    decimal ImportKWh,
    decimal ExportKWh,
    IReadOnlyList<EnergyChargeLine> EnergyCharges,
    decimal EnergyCharge,
    decimal BasicCharge,
    decimal FuelCostAdjustment,
    decimal RenewableSurcharge,
    decimal Charges,
    decimal ExportCredit,
    decimal Total,
    decimal ExportCreditTotal,
    decimal NetTotal);
