namespace Aizu.Tariffs;

/// <summary>One tier of a tiered tariff as configured (<c>Aizu:Tariff:Tiers:n</c>).</summary>
public sealed class TariffTierOptions
{
    /// <summary>Name shown to the household; empty gives one from the bounds, for example <c>120–300 kWh</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// Where the tier ends, in kWh counted from the start of the calendar month (for example 120, then 300);
    /// unset for the last tier, which has no end.
    /// </summary>
    public decimal? UpToKWh { get; set; }

    /// <summary>Price per kWh within the tier. Required.</summary>
    public decimal? PricePerKWh { get; set; }
}
