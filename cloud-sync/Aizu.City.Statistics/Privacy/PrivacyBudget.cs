namespace Aizu.City.Statistics;

/// <summary>The ε a purpose's series may spend in all, and what it has spent (basic composition: spends add up).</summary>
/// <param name="Total">The budget.</param>
/// <param name="Spent">Spent so far.</param>
public sealed record PrivacyBudget(decimal Total, decimal Spent)
{
    /// <summary>What is left.</summary>
    public decimal Remaining => Math.Max(0, Total - Spent);

    /// <summary>Null when <paramref name="epsilon"/> can still be spent, else why not.</summary>
    public string? Refusal(decimal epsilon) =>
        epsilon <= 0 ? "ε must be positive"
        : Spent + epsilon > Total ? $"privacy budget spent: {Remaining} of {Total} left, {epsilon} asked"
        : null;
}
