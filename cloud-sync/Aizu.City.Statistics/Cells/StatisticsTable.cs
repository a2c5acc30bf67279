namespace Aizu.City.Statistics;

/// <summary>The answer to one <see cref="TableQuery"/>: every cell of every area down to the level, by period and in total.</summary>
/// <param name="Query">What was asked.</param>
/// <param name="Rules">The primary rules applied.</param>
/// <param name="Cells">Area by area (parents before children), period by period, the total last.</param>
/// <param name="Refusal">Null when the table may be given; else why no safe table exists (one line).</param>
public sealed record StatisticsTable(TableQuery Query, ReleaseRules Rules, IReadOnlyList<StatisticsCell> Cells, string? Refusal)
{
    /// <summary>The cells withheld, by rule.</summary>
    public IReadOnlyDictionary<SuppressionRule, int> SuppressedByRule() =>
        Cells.Where(c => c.Status == CellStatus.Suppressed).GroupBy(c => c.Rule).ToDictionary(g => g.Key, g => g.Count());
}
