namespace Aizu.City.Statistics;

/// <summary>One column of a table: local days [From, To), one hour of them or all.</summary>
internal sealed record Column(DateOnly From, DateOnly To, int? Hour, string Label)
{
    public const string TotalLabel = "total";

    /// <summary>The query's columns, the total (the whole range, all hours) last.</summary>
    public static IReadOnlyList<Column> Of(TableQuery query)
    {
        var columns = new List<Column>();
        switch (query.Period)
        {
            case PeriodKind.Day:
                for (var day = query.From; day < query.To; day = day.AddDays(1))
                {
                    columns.Add(new Column(day, day.AddDays(1), null, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                }

                break;
            case PeriodKind.Month:
                for (var month = new DateOnly(query.From.Year, query.From.Month, 1); month < query.To; month = month.AddMonths(1))
                {
                    var from = month < query.From ? query.From : month;
                    var to = month.AddMonths(1) > query.To ? query.To : month.AddMonths(1);
                    columns.Add(new Column(from, to, null, month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
                }

                break;
            case PeriodKind.HourOfDay:
                for (var hour = 0; hour < 24; hour++)
                {
                    columns.Add(new Column(query.From, query.To, hour, hour.ToString("00", CultureInfo.InvariantCulture)));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(query), query.Period, "unknown period kind");
        }

        columns.Add(new Column(query.From, query.To, null, TotalLabel));
        return columns;
    }

    /// <summary>The column (not the total) a window starting at <paramref name="start"/> falls in, or -1 outside the range.</summary>
    public static int IndexOf(TableQuery query, DateTimeOffset start)
    {
        var local = start.ToOffset(query.UtcOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (day < query.From || day >= query.To)
        {
            return -1;
        }

        return query.Period switch
        {
            PeriodKind.Day => day.DayNumber - query.From.DayNumber,
            PeriodKind.Month => (day.Year * 12) + day.Month - ((query.From.Year * 12) + query.From.Month),
            _ => local.Hour,
        };
    }
}
