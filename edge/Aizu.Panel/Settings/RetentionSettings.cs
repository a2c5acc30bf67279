using Aizu.Storage;

namespace Aizu.Panel;

/// <summary>How long the store keeps what, in <c>GET /api/settings</c>. Months of 0 mean "forever".</summary>
internal sealed record RetentionSettings(
    int RawMonths,
    int MinuteMonths,
    int QuarterHourMonths,
    int HourMonths,
    int DayMonths,
    long MinFreeSpaceMegabytes,
    int RawDaysAlwaysKept,
    string DatabasePath,
    int? Series,
    long? Readings,
    PanelStorageStatus Health)
{
    public static RetentionSettings From(StorageOptions options, string databasePath, int? series, long? readings, StorageHealth health)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            options.RawRetentionMonths,
            options.MinuteRollupRetentionMonths,
            options.QuarterHourRollupRetentionMonths,
            options.HourRollupRetentionMonths,
            options.DayRollupRetentionMonths,
            options.MinFreeSpaceMegabytes,
            options.RawDaysAlwaysKept,
            databasePath,
            series,
            readings,
            PanelStorageStatus.From(health));
    }
}
