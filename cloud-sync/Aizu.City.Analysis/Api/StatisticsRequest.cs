namespace Aizu.City.Analysis;

/// <summary>A table request as the query string gives it: <c>purpose, level, period (day|month|hour), from, to</c> (local
/// days, both inclusive), <c>format</c> (json|csv), <c>layout</c> (cells|columns, JSON only); published tables add
/// <c>epsilon</c> and <c>series</c>.</summary>
internal sealed record StatisticsRequest(string Purpose, TableQuery Query, string Format, string Layout, decimal? Epsilon, string Series)
{
    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"level={Query.Level} period={PeriodName(Query.Period)} from={Query.From:yyyy-MM-dd} to={Query.To.AddDays(-1):yyyy-MM-dd}{(Epsilon is { } e ? $" epsilon={e} series={Series}" : "")}");

    public static string PeriodName(PeriodKind period) => period switch
    {
        PeriodKind.Day => "day",
        PeriodKind.Month => "month",
        _ => "hour",
    };

    /// <summary>Parses the query string; the error is one line.</summary>
    public static (StatisticsRequest? Request, string? Error) Parse(Microsoft.AspNetCore.Http.IQueryCollection query, TimeSpan utcOffset, bool published)
    {
        string? Get(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        var purpose = Get("purpose");
        if (string.IsNullOrWhiteSpace(purpose))
        {
            return (null, "purpose is missing");
        }

        if (!int.TryParse(Get("level") ?? "2", NumberStyles.None, CultureInfo.InvariantCulture, out var level))
        {
            return (null, "level must be 1, 2 or 3");
        }

        PeriodKind? period = (Get("period") ?? "day") switch
        {
            "day" => PeriodKind.Day,
            "month" => PeriodKind.Month,
            "hour" => PeriodKind.HourOfDay,
            _ => null,
        };
        if (period is null)
        {
            return (null, "period must be day, month or hour");
        }

        if (!DateOnly.TryParseExact(Get("from"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(Get("to"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return (null, "from and to must be days (YYYY-MM-DD)");
        }

        var format = Get("format") ?? "json";
        if (format is not ("json" or "csv"))
        {
            return (null, "format must be json or csv");
        }

        var layout = Get("layout") ?? "cells";
        if (layout is not ("cells" or "columns"))
        {
            return (null, "layout must be cells or columns");
        }

        decimal? epsilon = null;
        if (published)
        {
            if (!decimal.TryParse(Get("epsilon") ?? "", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var e) || e <= 0
                || decimal.Round(e, NoisyRelease.EpsilonDecimals) != e)
            {
                return (null, $"epsilon must be a positive number with at most {NoisyRelease.EpsilonDecimals} decimals");
            }

            epsilon = e;
        }

        var tableQuery = new TableQuery(level, period.Value, from, to.AddDays(1), utcOffset);
        if (tableQuery.Problem() is { } problem)
        {
            return (null, problem);
        }

        var series = Get("series") ?? $"{PeriodName(period.Value)}-level{level}";
        return (new StatisticsRequest(purpose, tableQuery, format, layout, epsilon, series), null);
    }
}
