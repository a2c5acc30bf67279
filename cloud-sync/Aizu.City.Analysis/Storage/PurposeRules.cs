namespace Aizu.City.Analysis;

/// <summary>A purpose's release rules and its budget for published series.</summary>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Rules">k and dominance for analyst tables.</param>
/// <param name="EpsilonBudget">ε per published series.</param>
/// <param name="ClipWh">Per-household clipping bound of published tables, Wh per cell.</param>
public sealed record PurposeRules(string Purpose, ReleaseRules Rules, decimal EpsilonBudget, long ClipWh);
