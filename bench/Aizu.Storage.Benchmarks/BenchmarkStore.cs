namespace Aizu.Storage.Benchmarks;

/// <summary>
/// Opens stores the way the benchmarks need them: default settings, no retention (the data is from 2025), no free-space
/// floor, and no commit window: every AppendAsync is on disk when it returns, as every InfluxDB write is when it answers.
/// </summary>
internal static class BenchmarkStore
{
    public static ReadingStore Open(string path) => new(
        Options.Create(new StorageOptions
        {
            DatabasePath = path,
            RawRetentionMonths = 0,
            MinFreeSpaceMegabytes = 0,
            CommitWindow = TimeSpan.Zero,
        }),
        NullLogger<ReadingStore>.Instance,
        new HouseholdCalendar(TimeZoneInfo.Utc));
}
