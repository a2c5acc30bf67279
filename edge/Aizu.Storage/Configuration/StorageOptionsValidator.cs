namespace Aizu.Storage;

/// <summary>
/// Checks <see cref="StorageOptions"/> at start-up so a wrong value stops the gateway with a message
/// naming the key an installer has to fix, instead of failing at the first write.
/// </summary>
internal sealed class StorageOptionsValidator(string sectionPath) : SectionOptionsValidator<StorageOptions>(sectionPath)
{
    /// <inheritdoc />
    protected override void Check(StorageOptions options, List<string> failures)
    {

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add(
                $"{Key(nameof(StorageOptions.DatabasePath))} is required: set it to the SQLite file that holds the readings, for example /var/lib/aizu/readings.db.");
        }
        else if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0
            || Path.EndsInDirectorySeparator(options.DatabasePath))
        {
            failures.Add($"{Key(nameof(StorageOptions.DatabasePath))} '{options.DatabasePath}' is not a usable file path.");
        }

        if (!Enum.IsDefined(options.Durability))
        {
            failures.Add($"{Key(nameof(StorageOptions.Durability))} must be Full or Normal.");
        }

        foreach (var (property, months) in (ReadOnlySpan<(string, int)>)
        [
            (nameof(StorageOptions.RawRetentionMonths), options.RawRetentionMonths),
            (nameof(StorageOptions.MinuteRollupRetentionMonths), options.MinuteRollupRetentionMonths),
            (nameof(StorageOptions.QuarterHourRollupRetentionMonths), options.QuarterHourRollupRetentionMonths),
            (nameof(StorageOptions.HourRollupRetentionMonths), options.HourRollupRetentionMonths),
            (nameof(StorageOptions.DayRollupRetentionMonths), options.DayRollupRetentionMonths),
        ])
        {
            if (months is < 0 or > 1_200)
            {
                failures.Add($"{Key(property)} must be between 0 (keep forever) and 1200 months; it is {months}.");
            }
        }

        if (options.MinFreeSpaceMegabytes < 0)
        {
            failures.Add($"{Key(nameof(StorageOptions.MinFreeSpaceMegabytes))} must not be negative.");
        }

        if (options.RawDaysAlwaysKept is < 0 or > 366)
        {
            failures.Add($"{Key(nameof(StorageOptions.RawDaysAlwaysKept))} must be between 0 and 366 days; it is {options.RawDaysAlwaysKept}.");
        }

        if (options.MaxChunkPoints is < 16 or > 65_536)
        {
            failures.Add($"{Key(nameof(StorageOptions.MaxChunkPoints))} must be between 16 and 65536; it is {options.MaxChunkPoints}.");
        }

        if (options.JoinedChunks is < 1 or > 16)
        {
            failures.Add($"{Key(nameof(StorageOptions.JoinedChunks))} must be between 1 and 16; it is {options.JoinedChunks}.");
        }

        if (options.MaxChunkDuration < TimeSpan.FromMinutes(1) || options.MaxChunkDuration > TimeSpan.FromDays(7))
        {
            failures.Add($"{Key(nameof(StorageOptions.MaxChunkDuration))} must be between 00:01:00 and 7.00:00:00.");
        }

        if (options.CommitWindow < TimeSpan.Zero || options.CommitWindow > TimeSpan.FromHours(1))
        {
            failures.Add($"{Key(nameof(StorageOptions.CommitWindow))} must be between 00:00:00 (commit every batch) and 01:00:00; it is {options.CommitWindow}.");
        }

        if (options.MaintenanceInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Key(nameof(StorageOptions.MaintenanceInterval))} must be at least 00:00:01.");
        }
    }
}
