namespace Aizu.Tariffs;

/// <summary>
/// The household's electricity tariff as configured (section <c>Aizu:Tariff</c>); validated at start-up
/// and turned into a <see cref="Tariff"/>. Prices are in <see cref="Currency"/> per kWh, charges per month.
/// </summary>
public sealed class TariffOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:Tariff</c>.</summary>
    public const string SectionName = "Aizu:Tariff";

    /// <summary>ISO 4217 code of the currency all prices are in; <c>JPY</c> by default.</summary>
    public string Currency { get; set; } = "JPY";

    /// <summary>How the energy charge is priced: <c>Flat</c>, <c>Tiered</c> or <c>TimeOfUse</c>. Required.</summary>
    public TariffKind? Kind { get; set; }

    /// <summary>The price per kWh of a <see cref="TariffKind.Flat"/> tariff (only then).</summary>
    public decimal? PricePerKWh { get; set; }

    /// <summary>The tiers of a <see cref="TariffKind.Tiered"/> tariff, cheapest first (only then).</summary>
    public IList<TariffTierOptions> Tiers { get; } = [];

    /// <summary>The periods of a <see cref="TariffKind.TimeOfUse"/> tariff (only then); the first that contains a time prices it.</summary>
    public IList<TariffPeriodOptions> Periods { get; } = [];

    /// <summary>Basic charge per calendar month (基本料金), for example 935.25 for a TEPCO 30 A contract; 0 by default.</summary>
    public decimal BasicChargePerMonth { get; set; }

    /// <summary>Fuel-cost adjustment (燃料費調整額) per imported kWh; may be negative. 0 by default.</summary>
    public decimal FuelCostAdjustmentPerKWh { get; set; }

    /// <summary>Renewable energy surcharge (再エネ賦課金) per imported kWh; 0 by default.</summary>
    public decimal RenewableSurchargePerKWh { get; set; }

    /// <summary>What the household is paid per exported kWh (PV surplus); 0 by default.</summary>
    public decimal ExportPricePerKWh { get; set; }

    /// <summary>
    /// How totals are rounded to the currency's smallest unit: <c>Down</c> (drop the fraction, as Japanese
    /// bills do) or <c>Nearest</c> (half away from zero). Unset: <c>Down</c> for JPY, <c>Nearest</c> otherwise.
    /// </summary>
    public CostRounding? Rounding { get; set; }
}
