namespace Aizu.City.Statistics;

/// <summary>Why a cell is suppressed.</summary>
public enum SuppressionRule
{
    /// <summary>Not suppressed.</summary>
    None,

    /// <summary>Fewer households than the purpose's k (primary).</summary>
    MinHouseholds,

    /// <summary>One household has more than the allowed share of the cell's energy (primary).</summary>
    Dominance,

    /// <summary>Safe itself, withheld so that a primary cell cannot be computed from released totals or siblings.</summary>
    Secondary,

    /// <summary>Withheld from this analyst before; giving it now could undo that earlier protection.</summary>
    EarlierSuppressed,

    /// <summary>Released to this analyst before with other numbers (a household withdrew since): the new value next to
    /// the old one would show the difference, which is the withdrawn household's energy.</summary>
    Changed,
}
