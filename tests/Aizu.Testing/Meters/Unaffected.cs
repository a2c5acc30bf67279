using Aizu.Readings;

namespace Aizu.Testing;

/// <summary>Which values a mutated frame must still deliver: those its change cannot have touched.</summary>
public static class Unaffected
{
    /// <summary>
    /// The series of <paramref name="clean"/> whose value is the same in <paramref name="without"/>, the codec's
    /// readings of the clean frame with the mutated object removed: a value that does not depend on that object must
    /// come through unchanged whatever is done to it. Series in <paramref name="ignored"/> (stored on change only, so a
    /// long-running driver may rightly not repeat them) are left out.
    /// </summary>
    public static Dictionary<string, double> Values(IEnumerable<Reading> clean, IEnumerable<Reading> without, Func<string, bool> ignored)
    {
        var rest = without.GroupBy(r => r.Series).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return clean
            .GroupBy(r => r.Series)
            .Select(g => g.First())
            .Where(r => !ignored(r.Series) && rest.TryGetValue(r.Series, out double v) && v.Equals(r.Value))
            .ToDictionary(r => r.Series, r => r.Value, StringComparer.Ordinal);
    }

    /// <summary>Fails unless <paramref name="actual"/> holds every value of <paramref name="expected"/>.</summary>
    /// <param name="what">Names the mutation in the failure message.</param>
    public static void AssertStored(IReadOnlyDictionary<string, double> expected, IEnumerable<Reading> actual, string what)
    {
        var got = actual.GroupBy(r => r.Series).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var wrong = expected.Where(e => !got.TryGetValue(e.Key, out double v) || !v.Equals(e.Value))
            .Select(e => $"{e.Key}: expected {e.Value}, got {(got.TryGetValue(e.Key, out double v) ? v : "nothing")}")
            .ToList();
        if (wrong.Count > 0)
        {
            throw new InvalidOperationException($"After {what} the driver lost values the change did not touch: {string.Join("; ", wrong)}");
        }
    }
}
