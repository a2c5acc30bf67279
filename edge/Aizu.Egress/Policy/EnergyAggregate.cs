namespace Aizu.Egress;

/// <summary>Energy of one window, measured at home, that a grant asks to release.</summary>
/// <param name="Terms">The consent version and terms the release relies on.</param>
/// <param name="Window">The closed window.</param>
/// <param name="EnergyWh">Energy in the window, Wh, before minimisation.</param>
public sealed record EnergyAggregate(ConsentTerms Terms, AggregationWindow Window, double EnergyWh);
