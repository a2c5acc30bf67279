namespace Aizu.Tariffs;

/// <summary>
/// A period of a time-of-use tariff by local clock time, for example "night" 23:00–07:00. <see cref="End"/>
/// at or before <see cref="Start"/> wraps past midnight; equal times cover the whole day. The same rule as
/// the store's <c>TariffPeriod</c> (both are a <see cref="TimeOfDayRange"/>), so the panel can ask the store for energy per period with these.
/// </summary>
/// <param name="Name">Name shown to the household; unique within the tariff.</param>
/// <param name="Start">Local time the period starts.</param>
/// <param name="End">Local time it ends (exclusive).</param>
/// <param name="Days">Days of the week it applies on (each local time by its own weekday); null for every day.</param>
/// <param name="PricePerKWh">Price per kWh in the period.</param>
public sealed record TimeOfUsePeriod(string Name, TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek>? Days, decimal PricePerKWh)
{
    /// <summary>Whether local time <paramref name="local"/> falls in the period.</summary>
    public bool Contains(DateTime local) => new TimeOfDayRange(Start, End, Days).Contains(local);
}
