namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    private static readonly (Resolution Resolution, long ApproximateWidthMs)[] CoarsestFirst =
    [
        (Resolution.Day, 86_400_000),
        (Resolution.Hour, RollupGrid.HourMs),
        (Resolution.QuarterHour, RollupGrid.QuarterHourMs),
        (Resolution.Minute, RollupGrid.MinuteMs),
    ];

    /// <summary>
    /// <paramref name="series"/> in [<paramref name="from"/>, <paramref name="to"/>) as at most
    /// <paramref name="maxPoints"/> buckets with count, min, max, mean and (for registers) energy.
    /// </summary>
    /// <remarks>
    /// <see cref="Resolution.Auto"/> picks the coarsest rollup that still gives at least
    /// <paramref name="maxPoints"/> buckets over the span (a year for 1000 points: hours; a day: minutes),
    /// and raw readings when even minutes give fewer. Whatever the resolution, when it has more buckets
    /// than <paramref name="maxPoints"/>, neighbouring buckets are merged (min of mins, max of maxes,
    /// weighted mean, summed energy) so the answer never exceeds it. Rollup buckets are those starting in
    /// the span (the first may start before <paramref name="from"/>).
    /// </remarks>
    public Task<AggregateRange> GetRangeAsync(
        string series, DateTimeOffset from, DateTimeOffset to, Resolution resolution, int maxPoints, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (!Enum.IsDefined(resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Unknown resolution.");
        }

        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end of the span precedes its start.");
        }

        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var chosen = resolution == Resolution.Auto ? Choose(toMs - fromMs, maxPoints) : resolution;
        return ReadAsync((connection, raw) =>
        {
            if (FindSeries(connection, series) is not { } info)
            {
                return new AggregateRange(series, null, chosen, []);
            }

            var points = chosen == Resolution.Raw
                ? RawBuckets(raw, info.Id, CumulativeUnits.IsCumulative(info.Unit), fromMs, toMs, maxPoints)
                : RollupBuckets(connection, info.Id, ToLevel(chosen), fromMs, toMs, maxPoints);
            return new AggregateRange(series, info.Unit, chosen, points);
        }, cancellationToken);
    }

    /// <summary>Energy a register counted today and this month (local time), from the day rollups.</summary>
    public Task<EnergyTotals> GetEnergyTotalsAsync(string series, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var today = calendar.LocalDate(nowMs);
        var dayStart = calendar.LocalMidnight(today);
        var monthStart = calendar.LocalMidnight(new DateOnly(today.Year, today.Month, 1));
        return ReadAsync((connection, _) =>
        {
            double? todayEnergy = null;
            double? monthEnergy = null;
            if (FindSeries(connection, series) is { } info)
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT start_ms, energy FROM rollup
                    WHERE series_id = $s AND level = 3 AND start_ms >= $month AND start_ms <= $today AND energy IS NOT NULL;
                    """;
                command.Parameters.AddWithValue("$s", info.Id);
                command.Parameters.AddWithValue("$month", monthStart);
                command.Parameters.AddWithValue("$today", dayStart);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var energy = reader.GetDouble(1);
                    monthEnergy = (monthEnergy ?? 0) + energy;
                    if (reader.GetInt64(0) == dayStart)
                    {
                        todayEnergy = energy;
                    }
                }
            }

            return new EnergyTotals(today, todayEnergy, monthEnergy);
        }, cancellationToken);
    }

    /// <summary>
    /// Energy a register counted in [<paramref name="from"/>, <paramref name="to"/>) split by tariff
    /// period, from the 15-minute rollups (which divide 30-minute and hourly tariff grids in every zone).
    /// A quarter hour counts for the first period containing its local start time; quarter hours in no
    /// period are not counted. The energy of a quarter hour is what the register counted in it.
    /// </summary>
    public Task<IReadOnlyList<TariffEnergy>> GetEnergyByTariffAsync(
        string series, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<TariffPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw new ArgumentException("At least one tariff period is needed.", nameof(periods));
        }

        foreach (var period in periods)
        {
            if (string.IsNullOrWhiteSpace(period.Name) || !OnQuarterHour(period.Start) || !OnQuarterHour(period.End))
            {
                throw new ArgumentException(
                    $"Tariff period '{period.Name}' ({period.Start}–{period.End}) needs a name and times on a quarter hour.", nameof(periods));
            }
        }

        var fromMs = RollupGrid.Floor(from.ToUnixTimeMilliseconds(), RollupGrid.QuarterHourMs);
        var toMs = to.ToUnixTimeMilliseconds();
        return ReadAsync<IReadOnlyList<TariffEnergy>>((connection, _) =>
        {
            var totals = new double[periods.Count];
            if (FindSeries(connection, series) is { } info)
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT start_ms, energy FROM rollup
                    WHERE series_id = $s AND level = 1 AND start_ms >= $from AND start_ms < $to AND energy IS NOT NULL;
                    """;
                command.Parameters.AddWithValue("$s", info.Id);
                command.Parameters.AddWithValue("$from", fromMs);
                command.Parameters.AddWithValue("$to", toMs);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var local = calendar.Household.LocalTime(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)));
                    for (var p = 0; p < periods.Count; p++)
                    {
                        if (periods[p].Contains(local))
                        {
                            totals[p] += reader.GetDouble(1);
                            break;
                        }
                    }
                }
            }

            return periods.Select((period, i) => new TariffEnergy(period.Name, totals[i])).ToArray();
        }, cancellationToken);
    }

    private static bool OnQuarterHour(TimeOnly time) => time.Minute % 15 == 0 && time.Second == 0 && time.Millisecond == 0 && time.Microsecond == 0;

    private static Resolution Choose(long spanMs, int maxPoints)
    {
        foreach (var (resolution, width) in CoarsestFirst)
        {
            if (spanMs / width >= maxPoints)
            {
                return resolution;
            }
        }

        return Resolution.Raw;
    }

    private static RollupLevel ToLevel(Resolution resolution) => resolution switch
    {
        Resolution.Minute => RollupLevel.Minute,
        Resolution.QuarterHour => RollupLevel.QuarterHour,
        Resolution.Hour => RollupLevel.Hour,
        Resolution.Day => RollupLevel.Day,
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Not a rollup resolution."),
    };

    private List<AggregatePoint> RollupBuckets(SqliteConnection connection, long seriesId, RollupLevel level, long fromMs, long toMs, int maxPoints)
    {
        var rows = new List<RollupAccumulator>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT start_ms, count, sum, min, max, energy FROM rollup
                WHERE series_id = $s AND level = $l AND start_ms >= $from AND start_ms < $to ORDER BY start_ms;
                """;
            command.Parameters.AddWithValue("$s", seriesId);
            command.Parameters.AddWithValue("$l", (int)level);
            command.Parameters.AddWithValue("$from", calendar.BucketStart(level, fromMs));
            command.Parameters.AddWithValue("$to", toMs);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(RollupUpdater.ReadAccumulator(reader, 0));
            }
        }

        var result = new List<AggregatePoint>(Math.Min(rows.Count, maxPoints));
        if (rows.Count <= maxPoints)
        {
            foreach (var row in rows)
            {
                result.Add(ToPoint(row, calendar.NextBucketStart(level, row.Start)));
            }

            return result;
        }

        if (level == RollupLevel.Day)
        {
            // Days differ in length: merge whole runs of consecutive stored days.
            var perGroup = (rows.Count + maxPoints - 1) / maxPoints;
            for (var i = 0; i < rows.Count; i += perGroup)
            {
                var merged = new RollupAccumulator(rows[i].Start);
                var last = Math.Min(rows.Count, i + perGroup);
                for (var j = i; j < last; j++)
                {
                    merged.Merge(rows[j]);
                }

                result.Add(ToPoint(merged, calendar.NextDayStart(rows[last - 1].Start)));
            }

            return result;
        }

        // Fixed widths: merge k neighbouring buckets on a grid anchored at the first bucket, so gaps stay gaps.
        var width = RollupGrid.Width(level);
        var first = rows[0].Start;
        var buckets = ((toMs - first) + width - 1) / width;
        var groupWidth = width * ((buckets + maxPoints - 1) / maxPoints);
        var current = new RollupAccumulator(long.MinValue);
        foreach (var row in rows)
        {
            var start = first + ((row.Start - first) / groupWidth * groupWidth);
            if (start != current.Start)
            {
                if (current.Start != long.MinValue)
                {
                    result.Add(ToPoint(current, current.Start + groupWidth));
                }

                current = new RollupAccumulator(start);
            }

            current.Merge(row);
        }

        result.Add(ToPoint(current, current.Start + groupWidth));
        return result;
    }

    private static List<AggregatePoint> RawBuckets(RawReader raw, long seriesId, bool cumulative, long fromMs, long toMs, int maxPoints)
    {
        var points = new PointBuffer();
        raw.ReadRange(seriesId, fromMs, toMs, points);
        var timestamps = points.Timestamps;
        var values = points.Values;
        var result = new List<AggregatePoint>(Math.Min(points.Count, maxPoints));
        if (points.Count <= maxPoints)
        {
            for (var i = 0; i < points.Count; i++)
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds(timestamps[i]);
                double? energy = cumulative && i > 0 ? RegisterArithmetic.Step(values[i - 1], values[i]) : null;
                result.Add(new AggregatePoint(at, at, 1, values[i], values[i], values[i], energy));
            }

            return result;
        }

        var width = Math.Max(1, ((toMs - fromMs) + maxPoints - 1) / maxPoints);
        var current = new RollupAccumulator(long.MinValue);
        for (var i = 0; i < points.Count; i++)
        {
            var start = fromMs + ((timestamps[i] - fromMs) / width * width);
            if (start != current.Start)
            {
                if (current.Start != long.MinValue)
                {
                    result.Add(ToPoint(current, current.Start + width));
                }

                current = new RollupAccumulator(start);
            }

            current.AddValue(values[i]);
            if (cumulative && i > 0)
            {
                current.AddEnergy(RegisterArithmetic.Step(values[i - 1], values[i]));
            }
        }

        result.Add(ToPoint(current, current.Start + width));
        return result;
    }

    private static AggregatePoint ToPoint(in RollupAccumulator bucket, long endMs) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(bucket.Start),
        DateTimeOffset.FromUnixTimeMilliseconds(endMs),
        bucket.Count,
        bucket.Count > 0 ? bucket.Min : null,
        bucket.Count > 0 ? bucket.Max : null,
        bucket.Count > 0 ? bucket.Sum / bucket.Count : null,
        bucket.HasEnergy ? bucket.Energy : null);
}
