namespace Aizu.City.Statistics;

/// <summary>How a table's time dimension is cut.</summary>
public enum PeriodKind
{
    /// <summary>One column per local day of the range.</summary>
    Day,

    /// <summary>One column per local month the range touches (clipped to the range).</summary>
    Month,

    /// <summary>24 columns: the energy of hour h summed over every day of the range.</summary>
    HourOfDay,
}
