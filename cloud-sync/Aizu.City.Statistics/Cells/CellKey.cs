namespace Aizu.City.Statistics;

/// <summary>
/// What a cell measures, independent of the table it appeared in: the energy of <see cref="Area"/> over local days
/// [From, To), in local hour <see cref="Hour"/> only when set. Two tables' cells with equal keys are the same number,
/// which is how the rules follow an analyst across queries.
/// </summary>
/// <param name="Area">Area code; "" is every household of the purpose, <c>x/*</c> (or <c>*</c>) those of x with no finer district.</param>
/// <param name="From">First local day.</param>
/// <param name="To">Day after the last.</param>
/// <param name="Hour">Local hour of day, or null for all hours.</param>
public readonly record struct CellKey(string Area, DateOnly From, DateOnly To, int? Hour)
{
    /// <summary>A stable text form (also what the audit stores).</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{(Area.Length == 0 ? "(all)" : Area)}|{From:yyyy-MM-dd}|{To:yyyy-MM-dd}|{(Hour is { } h ? h.ToString("00", System.Globalization.CultureInfo.InvariantCulture) : "*")}");

    /// <summary>True when both keys measure the same area in the same hours (their intervals may differ).</summary>
    public bool SameSeries(CellKey other) => Area == other.Area && Hour == other.Hour;
}
