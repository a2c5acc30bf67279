namespace Aizu.Tariffs;

/// <summary>
/// Prices energy with one <see cref="Tariffs.Tariff"/>: the cost of a local day or a calendar month, with a
/// breakdown. Pure arithmetic: the caller hands in the energy (slots from the store's range query, or
/// totals) and, for a day under a tiered tariff, the month's import before that day.
/// </summary>
/// <remarks>
/// Tiers count from the first of the month at local midnight, so a day's energy is priced after the
/// month-to-date import before it: with 295 kWh used before today under 120/300 kWh tiers, today's first
/// 5 kWh are priced in the second tier and the rest in the third. The daily energy charges of a month add
/// up to the month's. The basic charge of a day is the monthly charge ÷ the days in that month; a month
/// (so far or complete) carries the whole monthly charge, which is owed from its first day.
/// </remarks>
public sealed class TariffCalculator(Tariff tariff)
{
    /// <summary>The tariff this calculator prices with.</summary>
    public Tariff Tariff { get; } = tariff ?? throw new ArgumentNullException(nameof(tariff));

    /// <summary>
    /// The energy of the slots that start in [<paramref name="from"/>, <paramref name="to"/>), as totals (and,
    /// for a time-of-use tariff, imported kWh per period by each slot's start).
    /// </summary>
    public EnergyUse Summarise(IEnumerable<EnergySlot> import, IEnumerable<EnergySlot> export, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(export);
        decimal importKWh = 0;
        Dictionary<string, decimal>? byPeriod = Tariff.Kind == TariffKind.TimeOfUse ? new(StringComparer.Ordinal) : null;
        foreach (var slot in import)
        {
            if (slot.Start < from || slot.Start >= to)
            {
                continue;
            }

            importKWh += slot.KWh;
            if (byPeriod is not null)
            {
                var name = Tariff.PeriodAt(slot.Start)!.Name;
                byPeriod[name] = byPeriod.GetValueOrDefault(name) + slot.KWh;
            }
        }

        var exportKWh = export.Where(slot => slot.Start >= from && slot.Start < to).Sum(slot => slot.KWh);
        return new EnergyUse(importKWh, exportKWh, byPeriod);
    }

    /// <summary>
    /// The cost of local day <paramref name="day"/> from the slots starting in it (others are ignored).
    /// <paramref name="monthImportBeforeDayKWh"/> is what was imported from the first of the month up to the
    /// day's start; only a tiered tariff uses it.
    /// </summary>
    public CostBreakdown CostOfDay(DateOnly day, IEnumerable<EnergySlot> import, IEnumerable<EnergySlot> export, decimal monthImportBeforeDayKWh)
    {
        var from = Tariff.Calendar.StartOfDay(day);
        var to = Tariff.Calendar.EndOfDay(day);
        return CostOfDay(day, Summarise(import, export, from, to), monthImportBeforeDayKWh);
    }

    /// <summary>The cost of local day <paramref name="day"/> from its energy totals; see the slot overload.</summary>
    public CostBreakdown CostOfDay(DateOnly day, EnergyUse use, decimal monthImportBeforeDayKWh)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentOutOfRangeException.ThrowIfNegative(monthImportBeforeDayKWh);
        var basic = Tariff.BasicChargePerMonth / DateTime.DaysInMonth(day.Year, day.Month);
        return Price(use, monthImportBeforeDayKWh, basic, Tariff.Calendar.StartOfDay(day), Tariff.Calendar.EndOfDay(day));
    }

    /// <summary>
    /// The cost of the calendar month holding <paramref name="anyDayOfMonth"/> (so far, or complete) from the
    /// slots starting in it (others are ignored), with the whole monthly basic charge.
    /// </summary>
    public CostBreakdown CostOfMonth(DateOnly anyDayOfMonth, IEnumerable<EnergySlot> import, IEnumerable<EnergySlot> export)
    {
        var from = Tariff.Calendar.StartOfMonth(anyDayOfMonth);
        var to = Tariff.Calendar.EndOfMonth(anyDayOfMonth);
        return CostOfMonth(anyDayOfMonth, Summarise(import, export, from, to));
    }

    /// <summary>The cost of the calendar month holding <paramref name="anyDayOfMonth"/> from its energy totals.</summary>
    public CostBreakdown CostOfMonth(DateOnly anyDayOfMonth, EnergyUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return Price(use, 0m, Tariff.BasicChargePerMonth, Tariff.Calendar.StartOfMonth(anyDayOfMonth), Tariff.Calendar.EndOfMonth(anyDayOfMonth));
    }

    /// <summary>
    /// The energy-charge lines for <paramref name="use"/> when <paramref name="monthImportBeforeKWh"/> was
    /// already imported this month (tiers only).
    /// </summary>
    public IReadOnlyList<EnergyChargeLine> EnergyCharges(EnergyUse use, decimal monthImportBeforeKWh)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentOutOfRangeException.ThrowIfNegative(monthImportBeforeKWh);
        ArgumentOutOfRangeException.ThrowIfNegative(use.ImportKWh);
        switch (Tariff.Kind)
        {
            case TariffKind.Flat:
                var price = Tariff.FlatPricePerKWh!.Value;
                return [new EnergyChargeLine(Tariff.FlatLineName, use.ImportKWh, price, use.ImportKWh * price)];
            case TariffKind.Tiered:
                var lines = new EnergyChargeLine[Tariff.Tiers.Count];
                var start = monthImportBeforeKWh;
                var end = monthImportBeforeKWh + use.ImportKWh;
                for (var i = 0; i < lines.Length; i++)
                {
                    var tier = Tariff.Tiers[i];
                    var tierEnd = tier.UpToKWh ?? decimal.MaxValue;
                    var kWh = Math.Max(0m, Math.Min(end, tierEnd) - Math.Max(start, tier.FromKWh));
                    lines[i] = new EnergyChargeLine(tier.Name, kWh, tier.PricePerKWh, kWh * tier.PricePerKWh);
                }

                return lines;
            default:
                var byPeriod = use.ImportKWhByPeriod ?? throw new ArgumentException(
                    "A time-of-use tariff needs the imported energy per period.", nameof(use));
                foreach (var (name, kWh) in byPeriod)
                {
                    if (!Tariff.Periods.Any(p => p.Name == name))
                    {
                        throw new ArgumentException($"'{name}' is not a period of the tariff.", nameof(use));
                    }

                    ArgumentOutOfRangeException.ThrowIfNegative(kWh, nameof(use));
                }

                return Tariff.Periods.Select(p =>
                {
                    var kWh = byPeriod.GetValueOrDefault(p.Name);
                    return new EnergyChargeLine(p.Name, kWh, p.PricePerKWh, kWh * p.PricePerKWh);
                }).ToArray();
        }
    }

    private CostBreakdown Price(EnergyUse use, decimal monthImportBeforeKWh, decimal basicCharge, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(use.ExportKWh);
        var lines = EnergyCharges(use, monthImportBeforeKWh);
        var importKWh = Tariff.Kind == TariffKind.TimeOfUse ? lines.Sum(l => l.KWh) : use.ImportKWh;
        var energyCharge = lines.Sum(l => l.Amount);
        var fuel = importKWh * Tariff.FuelCostAdjustmentPerKWh;
        var renewable = importKWh * Tariff.RenewableSurchargePerKWh;
        var charges = energyCharge + basicCharge + fuel + renewable;
        var credit = use.ExportKWh * Tariff.ExportPricePerKWh;
        var total = Tariff.Round(charges);
        var creditTotal = Tariff.Round(credit);
        return new CostBreakdown(
            Tariff.Currency, from, to, importKWh, use.ExportKWh, lines, energyCharge, basicCharge, fuel, renewable,
            charges, credit, total, creditTotal, total - creditTotal);
    }
}
