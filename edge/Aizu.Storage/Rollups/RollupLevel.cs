namespace Aizu.Storage;

/// <summary>The stored rollup resolutions; the number is the <c>level</c> column of <c>rollup</c>.</summary>
internal enum RollupLevel
{
    Minute = 0,
    QuarterHour = 1,
    Hour = 2,

    /// <summary>Local calendar days in the configured zone (23, 24 or 25 hours).</summary>
    Day = 3,
}
