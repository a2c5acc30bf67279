namespace Aizu.Storage;

/// <summary>What the writer keeps in memory about one series; rebuilt from the file whenever the writer reopens.</summary>
internal sealed class SeriesState(long id, string name, string unit)
{
    public long Id { get; } = id;

    public string Name { get; } = name;

    public string Unit { get; } = unit;

    /// <summary>Cumulative registers (kWh) get an energy column in their rollups.</summary>
    public bool Cumulative { get; } = CumulativeUnits.IsCumulative(unit);

    /// <summary>Timestamp of the last point of the newest sealed chunk; older readings take the late path.</summary>
    public long SealedToMs { get; set; } = long.MinValue;

    /// <summary>Raw data before this was dropped (retention or disk budget); older readings are refused.</summary>
    public long RawFromMs { get; set; }

    /// <summary>The open chunk: mirrors this series' rows of <c>open_reading</c>, sorted.</summary>
    public PointBuffer Open { get; } = new();

    /// <summary>Readings of the batch being written, before they are sorted and routed.</summary>
    public PointBuffer Incoming { get; } = new();

    /// <summary>The newest point of the series, the baseline for the next energy step.</summary>
    public bool HasLatest { get; set; }

    public long LatestMs { get; set; }

    public double LatestValue { get; set; }

    /// <summary>Minutes that in-order points touched whose rows are not written yet (see <see cref="RollupUpdater"/>).</summary>
    public SortedSet<long> DirtyMinutes { get; } = [];

    /// <summary>True while the file's open quarter-hour, hour and day rows lag the minute rows (see <see cref="RollupUpdater"/>).</summary>
    public bool OpenRollupsStale { get; set; }
}
