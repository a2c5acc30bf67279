using Aizu.Storage;

namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// The store of a gateway that already ran yesterday: the demo meter's import register every half hour from an hour
/// before yesterday's Japan midnight up to today's, with the values the demo's simulated meter (created today, the
/// same household profile) counts, so today's readings continue them. The demo itself reads back only today's
/// history; this gives an outage a whole day of closed windows to hold, whatever the hour the test runs.
/// </summary>
internal static class YesterdaysReadings
{
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>Writes them into a new store at <paramref name="database"/>; returns yesterday's Japan midnight.</summary>
    public static Task<DateTimeOffset> WriteAsync(string database, DateTimeOffset now) => WriteAsync(database, now, days: 1);

    /// <summary>
    /// The same for the <paramref name="days"/> days before today, for a gateway that was away longer; returns the
    /// first of those days' Japan midnight.
    /// </summary>
    public static async Task<DateTimeOffset> WriteAsync(string database, DateTimeOffset now, int days)
    {
        var meter = new SimulatedSmartMeter(new HouseholdLoadProfile(), TimeProvider.System);
        var japanToday = TimeZoneInfo.ConvertTime(now, Japan).Date;
        var first = new DateTimeOffset(japanToday.AddDays(-days), Japan.BaseUtcOffset);
        var readings = new List<Reading>();
        for (var at = first.AddHours(-1); at < first.AddDays(days); at = at.AddMinutes(30))
        {
            // The register counts 0.1 kWh (ECHONET 0xE1 = 0x01), as the B-route driver stores it.
            var kilowattHours = meter.ImportRegisterAt(TimeZoneInfo.ConvertTime(at, Japan).DateTime) / 10.0;
            readings.Add(new Reading(SeriesNames.ElectricImportEnergy, at, kilowattHours, Units.KilowattHour));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var options = Options.Create(new StorageOptions { DatabasePath = database, CommitWindow = TimeSpan.Zero });
        await using var store = new ReadingStore(options, NullLogger<ReadingStore>.Instance, new HouseholdCalendar(TimeZoneInfo.Local));
        await store.AppendAsync(readings, CancellationToken.None);
        return first;
    }
}
