namespace Aizu.Storage;

/// <summary>What a register counted today and this month, in local time.</summary>
/// <param name="Today">The local date "today" refers to.</param>
/// <param name="TodayEnergy">Energy since local midnight; null without data today.</param>
/// <param name="ThisMonthEnergy">Energy since the first of the month at local midnight; null without data this month.</param>
public sealed record EnergyTotals(DateOnly Today, double? TodayEnergy, double? ThisMonthEnergy);
