namespace Aizu.City.Statistics;

/// <summary>One stored window of one household (a pseudonymous data set), as the release rules see it.</summary>
/// <param name="Household">The data set's pseudonym: the unit the rules protect.</param>
/// <param name="District">The district the household shared for this purpose (<c>city/district/sub</c>); null when it shared none.</param>
/// <param name="Start">Window start.</param>
/// <param name="EnergyWh">Energy in the window, Wh (≥ 0).</param>
/// <param name="Consent">The consent reference the window was accepted under.</param>
public sealed record HouseholdWindow(string Household, string? District, DateTimeOffset Start, decimal EnergyWh, string Consent);
