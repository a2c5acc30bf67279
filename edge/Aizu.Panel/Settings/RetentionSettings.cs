namespace Aizu.Panel;

/// <summary>
/// How long the store keeps what, in <c>GET /api/settings</c>. Months of 0 mean "forever". The commit window (seconds,
/// 0 = every batch) is what a power cut can cost: at most the samples of that window plus one meter poll.
/// </summary>
internal sealed record RetentionSettings(
    int RawMonths,
    int MinuteMonths,
    int QuarterHourMonths,
    int HourMonths,
    int DayMonths,
    long MinFreeSpaceMegabytes,
    int RawDaysAlwaysKept,
    double CommitWindowSeconds,
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
            options.CommitWindow.TotalSeconds,
            databasePath,
            series,
            readings,
            PanelStorageStatus.From(health));
    }
}
