namespace Aizu.Panel;

/// <summary>
/// Energy bought in one time-of-use period over a history page and its energy charge; <see cref="PricePerKWh"/> is
/// null when the period has different prices on different days.
/// </summary>
public sealed record HistoryPeriod(string Name, double KWh, decimal? PricePerKWh, decimal Amount);
