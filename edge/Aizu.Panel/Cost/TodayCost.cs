namespace Aizu.Panel;

/// <summary>
/// <c>GET /api/today/cost</c>: today's cost so far, the forecast for the whole day, this month so far, and
/// today's energy beside yesterday's and last week's same weekday up to the same clock time. Without a
/// configured tariff only <see cref="Configured"/> (false) and the comparison are filled.
/// </summary>
public sealed record TodayCost(
    bool Configured,
    string? Currency,
    string TimeZone,
    DateTimeOffset At,
    CostSummary? Today,
    TodayForecast? Forecast,
    CostSummary? Month,
    DayComparison Comparison);
