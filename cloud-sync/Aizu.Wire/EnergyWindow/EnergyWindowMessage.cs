namespace Aizu.Wire;

/// <summary>Energy over one window, as released under a consent.</summary>
/// <param name="Pseudonym">The data set's pseudonym (the base name's last part).</param>
/// <param name="Category">Data category, e.g. <c>elec.import.energy</c> (the record's name).</param>
/// <param name="WindowStart">Start of the window (whole seconds).</param>
/// <param name="Aggregation">The window length as an ISO 8601 duration, e.g. <c>P1D</c>.</param>
/// <param name="ValueWh">Energy in the window, Wh, as minimised.</param>
public sealed record EnergyWindowMessage(string Pseudonym, string Category, DateTimeOffset WindowStart, string Aggregation, double ValueWh);
