namespace Aizu.City.Statistics;

/// <summary>What an analyst asks for: areas down to <see cref="Level"/>, cut by <see cref="Period"/>, over local days [From, To).</summary>
/// <param name="Level">Deepest area level shown: 1 city, 2 district, 3 sub-district.</param>
/// <param name="Period">Day, month or hour-of-day profile.</param>
/// <param name="From">First local day.</param>
/// <param name="To">Day after the last (exclusive).</param>
/// <param name="UtcOffset">The city's offset from UTC that local days and hours are counted in (+09:00 in Japan).</param>
public sealed record TableQuery(int Level, PeriodKind Period, DateOnly From, DateOnly To, TimeSpan UtcOffset)
{
    /// <summary>The deepest level a district code has (city → district → sub-district).</summary>
    public const int MaxLevel = 3;

    /// <summary>Null when the query is well formed, else why not (one line).</summary>
    public string? Problem() =>
        Level is < 1 or > MaxLevel ? $"level must be 1 (city), 2 (district) or 3 (sub-district), not {Level}"
        : To <= From ? "the range is empty: 'to' must be after 'from'"
        : To.DayNumber - From.DayNumber > 3 * 366 ? "the range is longer than three years"
        : null;
}
