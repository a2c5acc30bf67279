namespace Aizu.Storage;

/// <summary>The resolution a range query answers in.</summary>
public enum Resolution
{
    /// <summary>The coarsest rollup that still gives at least the requested number of points; raw readings when none does.</summary>
    Auto = 0,

    /// <summary>Raw readings (downsampled into min/max/mean buckets when there are more than requested).</summary>
    Raw = 1,

    /// <summary>1-minute rollups (UTC grid).</summary>
    Minute = 2,

    /// <summary>15-minute rollups (UTC grid; every zone's quarter hours fall on it).</summary>
    QuarterHour = 3,

    /// <summary>1-hour rollups (UTC grid).</summary>
    Hour = 4,

    /// <summary>Local calendar days in the store's zone.</summary>
    Day = 5,
}
