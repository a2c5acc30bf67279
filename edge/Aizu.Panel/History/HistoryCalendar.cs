namespace Aizu.Panel;

/// <summary>Where a history page starts and ends and how it is cut into buckets, in local time.</summary>
internal static class HistoryCalendar
{
    /// <summary>The first local day of the page containing <paramref name="date"/>.</summary>
    public static DateOnly PageStart(HistorySpan span, DateOnly date) => span switch
    {
        HistorySpan.Day => date,
        HistorySpan.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        HistorySpan.Month => new DateOnly(date.Year, date.Month, 1),
        HistorySpan.Year => new DateOnly(date.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(span), span, null),
    };

    public static DateOnly Advance(HistorySpan span, DateOnly start, int pages) => span switch
    {
        HistorySpan.Day => start.AddDays(pages),
        HistorySpan.Week => start.AddDays(7 * pages),
        HistorySpan.Month => start.AddMonths(pages),
        HistorySpan.Year => start.AddYears(pages),
        _ => throw new ArgumentOutOfRangeException(nameof(span), span, null),
    };

    /// <summary>Bucket boundaries as instants: n + 1 instants for n buckets.</summary>
    public static IReadOnlyList<DateTimeOffset> Boundaries(HistorySpan span, DateOnly start, HouseholdCalendar calendar)
    {
        var end = Advance(span, start, 1);
        var boundaries = new List<DateTimeOffset>();
        if (span == HistorySpan.Day)
        {
            // Half hours as instants, so a daylight-saving day has 46 or 50 of them.
            var from = calendar.StartOfDay(start);
            var to = calendar.StartOfDay(end);
            for (var t = from; t <= to; t = t.AddMinutes(30))
            {
                boundaries.Add(t);
            }

            return boundaries;
        }

        for (var day = start; day <= end; day = span == HistorySpan.Year ? day.AddMonths(1) : day.AddDays(1))
        {
            boundaries.Add(calendar.StartOfDay(day));
        }

        return boundaries;
    }
}
