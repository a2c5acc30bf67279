namespace Aizu.Consent;

/// <summary>The periods after which a data set's pseudonym changes (catalogue field <c>pseudonymPeriod</c>).</summary>
public static class PseudonymPeriods
{
    /// <summary>A local calendar year: the default.</summary>
    public const string Year = "P1Y";

    /// <summary>A local calendar month.</summary>
    public const string Month = "P1M";

    /// <summary>Every period a catalogue may name. Nothing longer than a year: the household's promise is that years cannot be joined.</summary>
    public static IReadOnlyList<string> All { get; } = [Year, Month];

    /// <summary>True when <paramref name="period"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? period) => period is Year or Month;
}
