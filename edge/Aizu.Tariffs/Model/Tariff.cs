namespace Aizu.Tariffs;

/// <summary>
/// A validated, immutable tariff: how imported energy is priced (<see cref="Kind"/>), the charges that come
/// with it, what export earns, and the household calendar whose days, months and clock times it follows.
/// </summary>
public sealed class Tariff
{
    private static readonly HashSet<string> CurrenciesWithoutMinorUnit = new(StringComparer.Ordinal)
    {
        "JPY", "KRW", "VND", "CLP", "ISK", "PYG", "UGX", "XAF", "XOF",
    };

    private Tariff(TariffOptions options, HouseholdCalendar calendar)
    {
        Currency = options.Currency;
        CurrencyDecimals = CurrenciesWithoutMinorUnit.Contains(Currency) ? 0 : 2;
        Kind = options.Kind!.Value;
        Rounding = options.Rounding ?? (Currency == "JPY" ? CostRounding.Down : CostRounding.Nearest);
        FlatPricePerKWh = Kind == TariffKind.Flat ? options.PricePerKWh!.Value : null;
        Tiers = Kind == TariffKind.Tiered ? BuildTiers(options.Tiers) : [];
        Periods = Kind == TariffKind.TimeOfUse
            ? options.Periods.Select(p => new TimeOfUsePeriod(
                p.Name.Trim(), p.Start!.Value, p.End!.Value, p.Days.Count == 0 ? null : p.Days.ToHashSet(), p.PricePerKWh!.Value)).ToArray()
            : [];
        BasicChargePerMonth = options.BasicChargePerMonth;
        FuelCostAdjustmentPerKWh = options.FuelCostAdjustmentPerKWh;
        RenewableSurchargePerKWh = options.RenewableSurchargePerKWh;
        ExportPricePerKWh = options.ExportPricePerKWh;
        Calendar = calendar;
    }

    /// <summary>The name of the single energy-charge line of a flat tariff.</summary>
    public const string FlatLineName = "energy";

    /// <summary>ISO 4217 code of the currency, for example <c>JPY</c>.</summary>
    public string Currency { get; }

    /// <summary>Decimals of the currency's smallest unit: 0 for JPY, 2 for EUR.</summary>
    public int CurrencyDecimals { get; }

    /// <summary>The household's time zone.</summary>
    public TimeZoneInfo TimeZone => Calendar.Zone;

    /// <summary>How imported energy is priced.</summary>
    public TariffKind Kind { get; }

    /// <summary>How totals are rounded to <see cref="CurrencyDecimals"/>.</summary>
    public CostRounding Rounding { get; }

    /// <summary>The price per kWh of a flat tariff; null for the other kinds.</summary>
    public decimal? FlatPricePerKWh { get; }

    /// <summary>The tiers of a tiered tariff in order; empty for the other kinds.</summary>
    public IReadOnlyList<PriceTier> Tiers { get; }

    /// <summary>The periods of a time-of-use tariff, first match wins; empty for the other kinds.</summary>
    public IReadOnlyList<TimeOfUsePeriod> Periods { get; }

    /// <summary>Basic charge per calendar month.</summary>
    public decimal BasicChargePerMonth { get; }

    /// <summary>Fuel-cost adjustment per imported kWh (may be negative).</summary>
    public decimal FuelCostAdjustmentPerKWh { get; }

    /// <summary>Renewable energy surcharge per imported kWh.</summary>
    public decimal RenewableSurchargePerKWh { get; }

    /// <summary>Compensation per exported kWh.</summary>
    public decimal ExportPricePerKWh { get; }

    /// <summary>The household calendar whose days and months the tariff charges by.</summary>
    public HouseholdCalendar Calendar { get; }

    /// <summary>The tariff <paramref name="options"/> describe, over the household's <paramref name="calendar"/>.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names every key at fault.</exception>
    public static Tariff FromOptions(TariffOptions options, HouseholdCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        var failures = TariffOptionsValidator.Check(options, TariffOptions.SectionName);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        return new Tariff(options, calendar);
    }

    /// <summary>The time-of-use period that prices energy at <paramref name="instant"/>; null unless <see cref="Kind"/> is <see cref="TariffKind.TimeOfUse"/>.</summary>
    public TimeOfUsePeriod? PeriodAt(DateTimeOffset instant)
    {
        if (Periods.Count == 0)
        {
            return null;
        }

        var local = Calendar.LocalTime(instant);
        foreach (var period in Periods)
        {
            if (period.Contains(local))
            {
                return period;
            }
        }

        // Validation makes the periods cover the week; a non-quarter-hour instant still lies in its quarter hour's period.
        throw new InvalidOperationException($"No time-of-use period covers {local:yyyy-MM-dd HH:mm:ss}.");
    }

    /// <summary>The local date <paramref name="instant"/> falls on in the tariff's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => Calendar.LocalDate(instant);

    /// <summary>The first instant of local day <paramref name="date"/>.</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => Calendar.StartOfDay(date);

    /// <summary>The first instant of the local calendar month holding <paramref name="anyDay"/>.</summary>
    public DateTimeOffset StartOfMonth(DateOnly anyDay) => Calendar.StartOfMonth(anyDay);

    /// <summary><paramref name="amount"/> rounded to the currency's smallest unit by <see cref="Rounding"/>.</summary>
    public decimal Round(decimal amount) => Math.Round(
        amount, CurrencyDecimals, Rounding == CostRounding.Down ? MidpointRounding.ToZero : MidpointRounding.AwayFromZero);

    private static PriceTier[] BuildTiers(IList<TariffTierOptions> tiers)
    {
        var result = new PriceTier[tiers.Count];
        decimal from = 0;
        for (var i = 0; i < tiers.Count; i++)
        {
            var upTo = tiers[i].UpToKWh;
            var name = string.IsNullOrWhiteSpace(tiers[i].Name)
                ? upTo is { } end ? $"{Kwh(from)}–{Kwh(end)} kWh" : $"over {Kwh(from)} kWh"
                : tiers[i].Name.Trim();
            result[i] = new PriceTier(name, from, upTo, tiers[i].PricePerKWh!.Value);
            from = upTo ?? from;
        }

        return result;
    }

    private static string Kwh(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
