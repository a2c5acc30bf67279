namespace Aizu.Panel;

/// <summary><c>GET /api/history?span=day|week|month|year&amp;date=yyyy-MM-dd</c>: energy bought and sold per bucket.</summary>
internal static class HistoryEndpoint
{
    // Each span reads one rollup level finer than its buckets, once per series, and bins locally:
    // a handful of queries whatever the span.
    private const int MaxFinePoints = 2_000;

    public static async Task<Results<Ok<HistoryPage>, ProblemHttpResult>> HandleAsync(
        string? span,
        string? date,
        IReadingQueries store,
        PanelClock clock,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<HistorySpan>(span ?? nameof(HistorySpan.Day), ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
        {
            return TypedResults.Problem($"span '{span}' is not one of day, week, month, year.", statusCode: StatusCodes.Status400BadRequest, title: "Bad span");
        }

        var (today, _) = clock.Today();
        var anchor = today;
        if (!string.IsNullOrEmpty(date) && !PanelDate.TryParse(date, "date", out anchor, out var problem))
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad date");
        }

        var start = HistoryCalendar.PageStart(chosen, anchor);
        var boundaries = HistoryCalendar.Boundaries(chosen, start, clock.Calendar);
        var next = HistoryCalendar.Advance(chosen, start, 1);
        var import = await BinAsync(store, SeriesNames.ElectricImportEnergy, chosen, boundaries, cancellationToken);
        var export = await BinAsync(store, SeriesNames.ElectricExportEnergy, chosen, boundaries, cancellationToken);
        var buckets = new HistoryBucket[boundaries.Count - 1];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new HistoryBucket(boundaries[i], boundaries[i + 1], Round(import[i]), Round(export[i]));
        }

        var tariff = services.GetService<TariffCalculator>()?.Tariff;
        var periods = tariff is { Kind: TariffKind.TimeOfUse }
            ? await PeriodsAsync(store, tariff, boundaries[0], boundaries[^1], cancellationToken)
            : null;
        return TypedResults.Ok(new HistoryPage(
            chosen,
            start,
            HistoryCalendar.Advance(chosen, start, -1),
            next > today ? null : next,
            clock.Zone.Id,
            boundaries[0],
            boundaries[^1],
            Round(Sum(import)),
            Round(Sum(export)),
            buckets,
            periods is null ? null : tariff!.Currency,
            periods));
    }

    // The store splits its quarter-hour rollups by the tariff's own periods, so a year costs one query.
    private static async Task<IReadOnlyList<HistoryPeriod>> PeriodsAsync(
        IReadingQueries store, Tariff tariff, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var energy = await store.GetEnergyByTariffAsync(
            SeriesNames.ElectricImportEnergy,
            from,
            to,
            [.. tariff.Periods.Select(p => new TariffPeriod(p.Name, p.Start, p.End, p.Days))],
            cancellationToken);
        // The store answers per listed period, in order. A name may be listed more than once (weekdays and
        // weekends, say, perhaps at different prices); the household sees it once, priced per listing.
        var listed = tariff.Periods.Select((p, i) => (p.Name, p.PricePerKWh, KWh: energy[i].Energy)).ToList();
        return [.. listed.GroupBy(l => l.Name, StringComparer.Ordinal).Select(g => new HistoryPeriod(
            g.Key,
            Math.Round(g.Sum(l => l.KWh), 3),
            g.Select(l => l.PricePerKWh).Distinct().Count() == 1 ? g.First().PricePerKWh : null,
            tariff.Round(g.Sum(l => (decimal)l.KWh * l.PricePerKWh))))];
    }

    private static async Task<double?[]> BinAsync(
        IReadingQueries store, string series, HistorySpan span, IReadOnlyList<DateTimeOffset> boundaries, CancellationToken cancellationToken)
    {
        var resolution = span switch
        {
            HistorySpan.Day => Resolution.QuarterHour,
            HistorySpan.Year => Resolution.Day,
            _ => Resolution.Hour,
        };
        var range = await store.GetRangeAsync(series, boundaries[0], boundaries[^1], resolution, MaxFinePoints, cancellationToken);
        var sums = new double?[boundaries.Count - 1];
        foreach (var point in range.Points)
        {
            if (point.Energy is not { } energy)
            {
                continue;
            }

            // By the middle of the fine bucket, so a day rollup cut in the store's zone still lands in the right month.
            var middle = point.Start + ((point.End - point.Start) / 2);
            int index = FindBucket(boundaries, middle);
            if (index >= 0)
            {
                sums[index] = (sums[index] ?? 0) + energy;
            }
        }

        return sums;
    }

    private static int FindBucket(IReadOnlyList<DateTimeOffset> boundaries, DateTimeOffset instant)
    {
        int lo = 0;
        int hi = boundaries.Count - 2;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (instant < boundaries[mid])
            {
                hi = mid - 1;
            }
            else if (instant >= boundaries[mid + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    private static double? Sum(double?[] values) =>
        values.Any(v => v.HasValue) ? values.Sum(v => v ?? 0) : null;

    private static double? Round(double? kWh) => kWh is { } value ? Math.Round(value, 3) : null;
}
