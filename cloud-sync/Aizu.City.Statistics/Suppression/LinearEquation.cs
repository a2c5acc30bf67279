namespace Aizu.City.Statistics;

/// <summary>One additivity a table shows: the cell <paramref name="Sum"/> equals the sum of <paramref name="Parts"/>.</summary>
/// <param name="Sum">A parent area's cell, or an area's total.</param>
/// <param name="Parts">Its children's cells in the same column, or the area's period cells.</param>
internal sealed record LinearEquation(int Sum, IReadOnlyList<int> Parts)
{
    public IEnumerable<int> Cells => Parts.Prepend(Sum);
}
