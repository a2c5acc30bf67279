namespace Aizu.Tariffs;

/// <summary>One period of a time-of-use tariff as configured (<c>Aizu:Tariff:Periods:n</c>).</summary>
public sealed class TariffPeriodOptions
{
    /// <summary>Name shown to the household, for example <c>peak</c> or <c>night</c>; unique. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>Local clock time the period starts, on a quarter hour (for example <c>23:00</c>). Required.</summary>
    public TimeOnly? Start { get; set; }

    /// <summary>
    /// Local clock time it ends (exclusive), on a quarter hour. At or before <see cref="Start"/> it wraps past
    /// midnight (<c>23:00</c>–<c>07:00</c>); equal to it, the period is the whole day. Required.
    /// </summary>
    public TimeOnly? End { get; set; }

    /// <summary>
    /// Days of the week it applies on; empty for every day. Each local time is judged by its own weekday: a
    /// 23:00–07:00 period on Friday covers Friday 00:00–07:00 and Friday 23:00–24:00 (as the store's
    /// per-period energy query does).
    /// </summary>
    public IList<DayOfWeek> Days { get; } = [];

    /// <summary>Price per kWh in the period. Required.</summary>
    public decimal? PricePerKWh { get; set; }
}
