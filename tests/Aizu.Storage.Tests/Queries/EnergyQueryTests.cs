namespace Aizu.Storage.Tests.Queries;

/// <summary>Register energy by local day, month and tariff period, in Tokyo.</summary>
public sealed class EnergyQueryTests : TempDatabaseTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset JuneFirst = new(2025, 6, 1, 0, 0, 0, Jst);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 6, 15, 12, 0, 0, Jst));

    private ReadingStore OpenTokyo() => new(
        Options.Create(new StorageOptions { DatabasePath = database.FilePath }),
        NullLogger<ReadingStore>.Instance, clock, database.FreeSpace, new HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));

    /// <summary>A meter register read every 30 minutes, counting 0.5 kWh each time, from 1 June 00:00 to 15 June 12:00 JST.</summary>
    private static Reading[] HalfHourlyRegister() =>
        Enumerable.Range(0, (14 * 48) + 25)
            .Select(i => new Reading(SeriesNames.ElectricImportEnergy, JuneFirst.AddMinutes(30 * i), 1_000 + (0.5 * i), Units.KilowattHour))
            .ToArray();

    [Fact]
    public async Task Today_and_this_month_come_from_local_day_rollups()
    {
        await using var store = OpenTokyo();
        await store.AppendAsync(HalfHourlyRegister(), CancellationToken.None);

        var totals = await store.GetEnergyTotalsAsync(SeriesNames.ElectricImportEnergy, CancellationToken.None);

        Assert.Equal(new DateOnly(2025, 6, 15), totals.Today);
        // The value stamped 00:00 closes yesterday's last half hour, so today has the 24 steps ending 00:30 to 12:00.
        Assert.Equal(12.0, totals.TodayEnergy!.Value, 9);
        Assert.Equal((14 * 24.0) + 12.0, totals.ThisMonthEnergy!.Value, 9);
    }

    [Fact]
    public async Task Day_rollups_follow_local_midnight_not_utc()
    {
        await using var store = OpenTokyo();
        await store.AppendAsync(HalfHourlyRegister(), CancellationToken.None);

        var days = await store.GetRangeAsync(SeriesNames.ElectricImportEnergy, JuneFirst, JuneFirst.AddDays(3), Resolution.Day, 100, CancellationToken.None);

        Assert.Equal([JuneFirst, JuneFirst.AddDays(1), JuneFirst.AddDays(2)], days.Points.Select(p => p.Start));
        Assert.All(days.Points, p => Assert.Equal(24.0, p.Energy!.Value, 9));
        Assert.Equal(48, days.Points[1].Count);
    }

    [Fact]
    public async Task Energy_is_split_by_tariff_period_from_quarter_hour_rollups()
    {
        await using var store = OpenTokyo();
        await store.AppendAsync(HalfHourlyRegister(), CancellationToken.None);
        TariffPeriod[] periods =
        [
            new("night", new TimeOnly(23, 0), new TimeOnly(7, 0)),
            new("day", new TimeOnly(7, 0), new TimeOnly(23, 0)),
        ];

        var split = await store.GetEnergyByTariffAsync(
            SeriesNames.ElectricImportEnergy, JuneFirst.AddDays(1), JuneFirst.AddDays(2), periods, CancellationToken.None);

        // Half hours ending in (00:00, 07:00] and (23:00, 24:00] are night: 16 of them; the other 32 are day.
        Assert.Equal([new TariffEnergy("night", 8.0), new TariffEnergy("day", 16.0)], split);
    }

    [Fact]
    public async Task Weekday_periods_and_unassigned_time()
    {
        await using var store = OpenTokyo();
        await store.AppendAsync(HalfHourlyRegister(), CancellationToken.None);

        // 2 June 2025 is a Monday; the period covers weekday afternoons only.
        var weekdays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var split = await store.GetEnergyByTariffAsync(
            SeriesNames.ElectricImportEnergy, JuneFirst, JuneFirst.AddDays(7),
            [new TariffPeriod("weekday peak", new TimeOnly(13, 0), new TimeOnly(16, 0), weekdays)], CancellationToken.None);

        Assert.Equal(5 * 3.0, Assert.Single(split).Energy, 9);
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetEnergyByTariffAsync(
            SeriesNames.ElectricImportEnergy, JuneFirst, JuneFirst.AddDays(1), [new TariffPeriod("odd", new TimeOnly(13, 10), new TimeOnly(16, 0))], CancellationToken.None));
    }

    [Fact]
    public async Task A_register_roll_over_inside_a_day_is_counted_across_the_wrap()
    {
        await using var store = OpenTokyo();
        var start = new DateTimeOffset(2025, 6, 14, 0, 0, 0, Jst);
        await store.AppendAsync(
        [
            new(SeriesNames.ElectricImportEnergy, start.AddHours(1), 99_998.0, Units.KilowattHour),
            new(SeriesNames.ElectricImportEnergy, start.AddHours(2), 99_999.5, Units.KilowattHour),
            new(SeriesNames.ElectricImportEnergy, start.AddHours(3), 1.0, Units.KilowattHour),
            new(SeriesNames.ElectricImportEnergy, start.AddHours(4), 2.0, Units.KilowattHour),
        ], CancellationToken.None);

        var day = Assert.Single((await store.GetRangeAsync(SeriesNames.ElectricImportEnergy, start, start.AddDays(1), Resolution.Day, 10, CancellationToken.None)).Points);

        Assert.Equal(1.5 + 1.5 + 1.0, day.Energy!.Value, 9);
    }

    [Fact]
    public async Task Changing_the_zone_rebuilds_the_day_rollups()
    {
        await using (var store = OpenTokyo())
        {
            await store.AppendAsync(HalfHourlyRegister(), CancellationToken.None);
        }

        await using var utc = new ReadingStore(
            Options.Create(new StorageOptions { DatabasePath = database.FilePath }),
            NullLogger<ReadingStore>.Instance, clock, database.FreeSpace, new HouseholdCalendar(TimeZoneInfo.Utc));
        var utcMidnight = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero);
        var days = await utc.GetRangeAsync(SeriesNames.ElectricImportEnergy, utcMidnight, utcMidnight.AddDays(2), Resolution.Day, 10, CancellationToken.None);

        Assert.Equal([utcMidnight, utcMidnight.AddDays(1)], days.Points.Select(p => p.Start));
        Assert.All(days.Points, p => Assert.Equal(24.0, p.Energy!.Value, 9));
    }
}
