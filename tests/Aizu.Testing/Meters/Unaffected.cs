namespace Aizu.Testing;

/// <summary>Which values a mutated frame must still deliver: those its change cannot have touched.</summary>
public static class Unaffected
{
    /// <summary>
    /// The series of <paramref name="clean"/> whose value is the same in every one of <paramref name="variants"/>, the
    /// codec's readings of the clean frame with the mutated object removed, or with its value changed (a removed object
    /// can leave a value the same by chance, when another object stands in for it with the same number): a value that
    /// depends on neither must come through unchanged whatever is done to that object. Series in
    /// <paramref name="ignored"/> (stored on change only, so a long-running driver may rightly not repeat them) are left out.
    /// </summary>
    public static Dictionary<string, double> Values(IEnumerable<Reading> clean, Func<string, bool> ignored, params IEnumerable<Reading>[] variants)
    {
        var others = variants.Select(v => v.GroupBy(r => r.Series).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal)).ToList();
        return clean
            .GroupBy(r => r.Series)
            .Select(g => g.First())
            .Where(r => !ignored(r.Series) && others.All(o => o.TryGetValue(r.Series, out double v) && v.Equals(r.Value)))
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
