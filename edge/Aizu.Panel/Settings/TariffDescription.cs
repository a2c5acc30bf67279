namespace Aizu.Panel;

/// <summary>The configured tariff in <c>GET /api/settings</c>, as numbers the page puts into words.</summary>
internal sealed record TariffDescription(
    string Kind,
    string Currency,
    string TimeZone,
    decimal? FlatPricePerKWh,
    IReadOnlyList<TariffTierItem> Tiers,
    IReadOnlyList<TariffPeriodItem> Periods,
    decimal BasicChargePerMonth,
    decimal FuelCostAdjustmentPerKWh,
    decimal RenewableSurchargePerKWh,
    decimal ExportPricePerKWh)
{
    public static TariffDescription From(Tariff tariff)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        return new(
            tariff.Kind switch
            {
                TariffKind.Flat => "flat",
                TariffKind.Tiered => "tiered",
                _ => "timeOfUse",
            },
            tariff.Currency,
            tariff.TimeZone.Id,
            tariff.FlatPricePerKWh,
            [.. tariff.Tiers.Select(t => new TariffTierItem(t.Name, t.FromKWh, t.UpToKWh, t.PricePerKWh))],
            [.. tariff.Periods.Select(p => new TariffPeriodItem(
                p.Name,
                p.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
                p.End.ToString("HH:mm", CultureInfo.InvariantCulture),
                p.Days?.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString().ToLowerInvariant()).ToArray(),
                p.PricePerKWh))],
            tariff.BasicChargePerMonth,
            tariff.FuelCostAdjustmentPerKWh,
            tariff.RenewableSurchargePerKWh,
            tariff.ExportPricePerKWh);
    }
}
