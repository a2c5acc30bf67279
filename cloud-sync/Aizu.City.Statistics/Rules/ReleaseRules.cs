namespace Aizu.City.Statistics;

/// <summary>The primary rules of a purpose: a cell is released only with at least <see cref="MinHouseholds"/>
/// households and no household above <see cref="MaxShare"/> of its energy.</summary>
/// <param name="MinHouseholds">k, the fewest households a released cell may have.</param>
/// <param name="MaxShare">The largest share (0–1) of a cell's energy one household may have.</param>
public sealed record ReleaseRules(int MinHouseholds, decimal MaxShare)
{
    /// <summary>For analysts of the city: the 15/15 rule of energy-data practice.</summary>
    public static ReleaseRules Analyst { get; } = new(15, 0.15m);

    /// <summary>For published (open) statistics: k = 100, same dominance bound.</summary>
    public static ReleaseRules Published { get; } = new(100, 0.15m);

    /// <summary>A preset by name (<c>analyst</c>, <c>published</c>), or null.</summary>
    public static ReleaseRules? Preset(string name) => name switch
    {
        "analyst" => Analyst,
        "published" => Published,
        _ => null,
    };

    /// <summary>Null when usable, else why not.</summary>
    public string? Problem() =>
        MinHouseholds < 2 ? "MinHouseholds must be at least 2"
        : MaxShare is <= 0 or >= 1 ? "MaxShare must be between 0 and 1"
        : null;

    /// <summary>The primary rule a group of household contributions breaks, or <see cref="SuppressionRule.None"/>.</summary>
    /// <remarks>An empty group (no household) says nothing about anyone and passes.</remarks>
    public SuppressionRule Judge(int households, decimal energy, decimal largest) =>
        households == 0 ? SuppressionRule.None
        : households < MinHouseholds ? SuppressionRule.MinHouseholds
        : largest > MaxShare * energy ? SuppressionRule.Dominance
        : SuppressionRule.None;
}
