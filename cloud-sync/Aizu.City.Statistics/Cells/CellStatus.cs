namespace Aizu.City.Statistics;

/// <summary>Whether a cell's numbers are given out.</summary>
public enum CellStatus
{
    /// <summary>Energy, mean and household count are given.</summary>
    Released,

    /// <summary>Nothing but the cell's existence and the rule that withheld it.</summary>
    Suppressed,
}
