namespace Aizu.Tariffs.Tests;

/// <summary>
/// The money lines of a <see cref="CostBreakdown"/>, in bill order: a hand-computed case states its whole bill in
/// one place, and when one line is off the failure shows it beside all the others.
/// </summary>
internal sealed record Bill(
    decimal EnergyCharge,
    decimal BasicCharge,
    decimal FuelCostAdjustment,
    decimal RenewableSurcharge,
    decimal Charges,
    decimal Total,
    decimal ExportCredit,
    decimal ExportCreditTotal,
    decimal NetTotal)
{
    public static Bill Of(CostBreakdown cost) => new(
        cost.EnergyCharge, cost.BasicCharge, cost.FuelCostAdjustment, cost.RenewableSurcharge, cost.Charges,
        cost.Total, cost.ExportCredit, cost.ExportCreditTotal, cost.NetTotal);
}
