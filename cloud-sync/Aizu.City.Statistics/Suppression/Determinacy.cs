namespace Aizu.City.Statistics;

/// <summary>
/// Which withheld cells an attacker who knows every released cell and every additivity of the table can compute
/// exactly. Substituting the released cells leaves a linear system over the withheld ones; a withheld cell is
/// determined exactly when its unit vector lies in the row space of that system, i.e. when its row of the reduced
/// row echelon form has no other entry. Anything else has a whole line of consistent values.
/// </summary>
/// <remarks>
/// The elimination runs modulo the prime 2^61 − 1. The coefficients are 0 and ±1 and the systems of a two-dimensional
/// table with one hierarchical dimension are network matrices (totally unimodular), so every solution coefficient is an
/// integer and the rank modulo p equals the rank over the rationals. Were it otherwise, the error could only make a
/// cell look determined when it is not (more suppression, never less): a null vector modulo p exists whenever one over
/// the rationals does.
/// </remarks>
internal static class Determinacy
{
    private const ulong Prime = (1UL << 61) - 1;

    /// <summary>The withheld cells (of <paramref name="withheld"/>) the equations determine.</summary>
    public static HashSet<int> Determined(IReadOnlyList<LinearEquation> equations, IReadOnlySet<int> withheld)
    {
        var rows = new List<Dictionary<int, ulong>>();
        var pivotRow = new Dictionary<int, int>();
        if (withheld.Count == 0)
        {
            return [];
        }

        // A row without withheld cells adds nothing (most equations of a table with few withheld cells): its
        // dictionary is kept for the next equation.
        Dictionary<int, ulong>? row = null;
        foreach (var equation in equations)
        {
            row ??= [];
            if (withheld.Contains(equation.Sum))
            {
                row[equation.Sum] = 1;
            }

            foreach (var part in equation.Parts)
            {
                if (withheld.Contains(part))
                {
                    row[part] = Add(row.GetValueOrDefault(part), Prime - 1);
                }
            }

            if (row.Count > 0)
            {
                Insert(rows, pivotRow, row);
                row = null;
            }
        }

        var determined = new HashSet<int>();
        foreach (var (column, index) in pivotRow)
        {
            if (rows[index].Count == 1)
            {
                determined.Add(column);
            }
        }

        return determined;
    }

    // Keeps rows in reduced row echelon form: a new row loses every existing pivot, then its own pivot is cleared from
    // every other row.
    private static void Insert(List<Dictionary<int, ulong>> rows, Dictionary<int, int> pivotRow, Dictionary<int, ulong> row)
    {
        foreach (var column in row.Keys.Where(pivotRow.ContainsKey).ToList())
        {
            if (row.TryGetValue(column, out var factor) && factor != 0)
            {
                Subtract(row, rows[pivotRow[column]], factor);
            }
        }

        if (row.Count == 0)
        {
            return;
        }

        var pivot = row.Keys.Min();
        var inverse = Inverse(row[pivot]);
        foreach (var column in row.Keys.ToList())
        {
            row[column] = Multiply(row[column], inverse);
        }

        foreach (var other in rows)
        {
            if (other.TryGetValue(pivot, out var factor))
            {
                Subtract(other, row, factor);
            }
        }

        pivotRow[pivot] = rows.Count;
        rows.Add(row);
    }

    // target -= factor * source, dropping zeros.
    private static void Subtract(Dictionary<int, ulong> target, Dictionary<int, ulong> source, ulong factor)
    {
        foreach (var (column, value) in source)
        {
            var result = Add(target.GetValueOrDefault(column), Prime - Multiply(value, factor));
            if (result == 0)
            {
                target.Remove(column);
            }
            else
            {
                target[column] = result;
            }
        }
    }

    private static ulong Add(ulong a, ulong b)
    {
        var sum = a + b;
        return sum >= Prime ? sum - Prime : sum;
    }

    private static ulong Multiply(ulong a, ulong b) => (ulong)((UInt128)a * b % Prime);

    private static ulong Inverse(ulong a)
    {
        ulong result = 1;
        var exponent = Prime - 2;
        while (exponent > 0)
        {
            if ((exponent & 1) == 1)
            {
                result = Multiply(result, a);
            }

            a = Multiply(a, a);
            exponent >>= 1;
        }

        return result;
    }
}
