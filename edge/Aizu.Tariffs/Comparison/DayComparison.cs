namespace Aizu.Tariffs;

/// <summary>
/// Today's energy so far beside yesterday's and the same weekday's last week, each up to the same local
/// clock time. A past day's figure is null when no slot starts in it before that time (no data).
/// </summary>
/// <param name="Today">Today's local date.</param>
/// <param name="UpTo">The local clock time all three figures run up to ("now").</param>
/// <param name="TodayKWh">Today from local midnight to now.</param>
/// <param name="Yesterday">Yesterday's date.</param>
/// <param name="YesterdayKWh">Yesterday from local midnight to the same clock time; null without data.</param>
/// <param name="SameWeekdayLastWeek">The date seven days ago.</param>
/// <param name="SameWeekdayLastWeekKWh">That day from local midnight to the same clock time; null without data.</param>
public sealed record DayComparison(
    DateOnly Today,
    TimeOnly UpTo,
    decimal TodayKWh,
    DateOnly Yesterday,
    decimal? YesterdayKWh,
    DateOnly SameWeekdayLastWeek,
    decimal? SameWeekdayLastWeekKWh);
