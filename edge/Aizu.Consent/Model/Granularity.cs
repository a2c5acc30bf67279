namespace Aizu.Consent;

/// <summary>
/// Temporal granularity of released aggregates, as ISO 8601 durations. Nothing finer than 30
/// minutes exists; 30 minutes is for research purposes only; daily is the default.
/// </summary>
public static class Granularity
{
    /// <summary>Calendar month.</summary>
    public const string Month = "P1M";

    /// <summary>Calendar day (local time of the household). The default.</summary>
    public const string Day = "P1D";

    /// <summary>One hour.</summary>
    public const string Hour = "PT1H";

    /// <summary>Thirty minutes: research purposes only.</summary>
    public const string HalfHour = "PT30M";

    /// <summary>What a request proposes and a grant uses unless the household chooses otherwise.</summary>
    public const string Default = Day;

    /// <summary>All granularities, coarsest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Month, Day, Hour, HalfHour];

    /// <summary>True if <paramref name="value"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);
}
