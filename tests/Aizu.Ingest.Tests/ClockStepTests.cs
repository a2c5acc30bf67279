using static Aizu.Ingest.Tests.IngestHarness;

namespace Aizu.Ingest.Tests;

/// <summary>
/// Scenario 5 of the fault-injection plan on a fake clock that NTP or a person sets while the monotonic clock runs on:
/// no reading stamped 1970, nothing of the present refused, no register energy counted twice or negative, and every
/// step reported.
/// </summary>
public sealed class ClockStepTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    public static TheoryData<string, DateTimeOffset, TimeSpan, TimeSpan> Steps => new()
    {
        // Forward a day, then NTP puts it right: the day stamped ahead is set aside, the present is kept.
        { "Asia/Tokyo", new(2025, 6, 1, 14, 50, 0, TimeSpan.Zero), TimeSpan.FromDays(1), -TimeSpan.FromDays(1) },

        // The same across the night Berlin's clocks go back (a 25-hour local day).
        { "Europe/Berlin", new(2025, 10, 25, 21, 50, 0, TimeSpan.Zero), TimeSpan.FromDays(1), -TimeSpan.FromDays(1) },

        // A clock an hour ahead since boot, put right: the hour stamped ahead is set aside.
        { "Europe/Berlin", new(2025, 3, 30, 0, 30, 0, TimeSpan.Zero), TimeSpan.Zero, -TimeSpan.FromHours(1) },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_clock_that_ran_ahead_and_is_put_right_sets_the_ahead_readings_aside_and_keeps_the_present(
        string zone, DateTimeOffset start, TimeSpan forward, TimeSpan back)
    {
        await using var harness = new IngestHarness(start: start, zone: TimeZoneInfo.FindSystemTimeZoneById(zone));
        await harness.StartAsync();
        var meter = new Meter(harness);

        await meter.PollAsync(40);
        harness.Time.Step(forward);
        await meter.PollAsync(40);
        var sentAhead = meter.Sent;
        harness.Time.Step(back);
        var putRight = harness.Time.GetUtcNow();
        await meter.PollAsync(40);
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == meter.Sent && harness.Channel.Count == 0, "every reading handled");

        var aheadStamped = meter.Readings.Take(sentAhead).Where(r => r.Timestamp > putRight).ToList();
        Assert.NotEmpty(aheadStamped);
        Assert.Equal(aheadStamped.Count, harness.Statistics.SetAside);
        Assert.Equal(0, harness.Statistics.RejectedCovered);
        Assert.Equal(forward > TimeSpan.Zero ? 1 : 0, harness.Statistics.ClockStepsForward);
        Assert.Equal(1, harness.Statistics.ClockStepsBack);
        Assert.Equal(back, harness.Statistics.LastClockStep!.By);
        Assert.Equal(1, harness.Logger.Count(2006));
        Assert.Equal(forward > TimeSpan.Zero ? 1 : 0, harness.Logger.Count(2008));

        // Every reading the corrected clock stamped is stored, in order, and nothing stamped ahead of it remains.
        var kept = meter.Readings.Except(aheadStamped).ToList();
        foreach (var series in new[] { SeriesNames.ElectricPower, SeriesNames.ElectricImportEnergy })
        {
            var stored = await harness.Store.GetRangeAsync(series, start.AddDays(-1), start.AddDays(3), CancellationToken.None);
            Assert.Equal(kept.Where(r => r.Series == series), stored);
        }

        // The register's energy is what the meter counted between the first and last kept reading: nothing twice, nothing negative.
        var register = kept.Where(r => r.Series == SeriesNames.ElectricImportEnergy).ToList();
        var days = await harness.Store.GetRangeAsync(SeriesNames.ElectricImportEnergy, start.AddDays(-1), start.AddDays(3), Resolution.Day, 100, CancellationToken.None);
        var minutes = await harness.Store.GetRangeAsync(SeriesNames.ElectricImportEnergy, start.AddDays(-1), start.AddDays(3), Resolution.Minute, 100_000, CancellationToken.None);
        Assert.All(minutes.Points, p => Assert.True((p.Energy ?? 0) >= 0, $"negative energy at {p.Start}"));
        Assert.Equal(register[^1].Value - register[0].Value, days.Points.Sum(p => p.Energy ?? 0), 6);
        Assert.Equal(register[^1].Value - register[0].Value, minutes.Points.Sum(p => p.Energy ?? 0), 6);
    }

    [Fact]
    public async Task A_clock_at_1970_then_set_stores_nothing_stamped_1970_and_reports_the_step()
    {
        await using var harness = new IngestHarness();
        harness.Time.Set(new DateTimeOffset(1970, 1, 1, 0, 0, 12, TimeSpan.Zero));
        await harness.StartAsync();
        var meter = new Meter(harness);

        await meter.PollAsync(5);
        harness.Time.Set(Start);
        await meter.PollAsync(5);
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 10, "the readings of the set clock stored");

        Assert.Equal(10, harness.Statistics.RejectedClock);
        Assert.Equal(1, harness.Statistics.ClockStepsForward);
        Assert.Equal(0, harness.Statistics.SetAside);
        Assert.Equal(1, harness.Logger.Count(2000));
        Assert.Equal(1, harness.Logger.Count(2001));
        Assert.Equal(1, harness.Logger.Count(2008));
        var stored = await harness.Store.GetRangeAsync(SeriesNames.ElectricPower, DateTimeOffset.UnixEpoch, Start.AddDays(1), CancellationToken.None);
        Assert.Equal(5, stored.Count);
        Assert.All(stored, r => Assert.True(r.Timestamp >= Start));
    }

    [Fact]
    public async Task A_clock_set_back_three_days_is_not_believed_and_history_is_kept_until_it_is_put_right()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var meter = new Meter(harness);

        await meter.PollAsync(10);
        harness.Time.Step(-TimeSpan.FromDays(3));
        await meter.PollAsync(10);
        harness.Time.Step(TimeSpan.FromDays(3));
        await meter.PollAsync(10);
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 40, "the readings outside stored time stored");

        Assert.Equal(20, harness.Statistics.RejectedCovered);
        Assert.Equal(0, harness.Statistics.SetAside);
        Assert.Equal(1, harness.Logger.Count(2009));
        Assert.Contains("3.00:00:00", Assert.Single(harness.Logger.Entries, e => e.Id.Id == 2009).Message, StringComparison.Ordinal);
        Assert.Contains("20 readings", Assert.Single(harness.Logger.Entries, e => e.Id.Id == 2007).Message, StringComparison.Ordinal);
        Assert.Equal(20, (await harness.Store.GetRangeAsync(SeriesNames.ElectricPower, Start.AddDays(-4), Start.AddDays(1), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_store_ahead_of_the_clock_at_start_is_set_aside_from_the_clock_on()
    {
        await using var harness = new IngestHarness();

        // Stored by an earlier run whose clock ran a day ahead; put right while the gateway was stopped.
        await harness.Store.AppendAsync([Power(Start.AddMinutes(-5), 1), Power(Start.AddDays(1), 2), Power(Start.AddDays(1).AddSeconds(10), 3)], CancellationToken.None);
        await harness.StartAsync();
        await harness.Channel.Writer.WriteAsync(Power(Start, 4));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 1, "the new reading stored");

        Assert.Equal(2, harness.Statistics.SetAside);
        Assert.Equal(1, harness.Statistics.ClockStepsBack);
        Assert.Equal(1, harness.Logger.Count(2016));
        var stored = await harness.Store.GetRangeAsync(SeriesNames.ElectricPower, Start.AddDays(-1), Start.AddDays(2), CancellationToken.None);
        Assert.Equal([1.0, 4.0], stored.Select(r => r.Value));
    }

    [Fact]
    public async Task A_meters_history_stamped_before_its_latest_reading_is_stored_and_is_no_clock_step()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();

        // After a re-join the B-route driver reads today's half-hourly register history, stamped by the meter.
        await harness.Channel.Writer.WriteAsync(Import(Start, 105.5));
        await harness.Channel.Writer.WriteAsync(Import(Start.AddMinutes(-90), 104.0) with { Quality = ReadingQuality.Backfilled });
        await harness.Channel.Writer.WriteAsync(Import(Start.AddMinutes(-60), 104.6) with { Quality = ReadingQuality.Backfilled });
        await harness.Channel.Writer.WriteAsync(Import(Start.AddMinutes(-30), 105.1) with { Quality = ReadingQuality.Backfilled });
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 4, "the history stored");

        Assert.Equal(0, harness.Statistics.RejectedCovered);
        Assert.Equal(0, harness.Statistics.ClockStepsBack);
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Id.Id is 2006 or 2009);
        var counted = await harness.Store.GetCumulativeDeltaAsync(SeriesNames.ElectricImportEnergy, Start.AddHours(-2), Start.AddHours(1), CancellationToken.None);
        Assert.Equal(1.5, counted!.Value, 6);
    }

    private static Reading Import(DateTimeOffset at, double kWh) => new(SeriesNames.ElectricImportEnergy, at, kWh, Units.KilowattHour);

    /// <summary>A meter polled every 10 s: power and its import register, stamped by the gateway's clock; the register counts on in real time.</summary>
    private sealed class Meter(IngestHarness harness)
    {
        private double register = 1_000;

        public List<Reading> Readings { get; } = [];

        public int Sent => Readings.Count;

        public async Task PollAsync(int polls)
        {
            for (var i = 0; i < polls; i++)
            {
                var now = harness.Time.GetUtcNow();
                register = Math.Round(register + 0.01, 2);
                Reading[] poll = [Power(now, 300 + (i % 7)), Import(now, register)];
                foreach (var reading in poll)
                {
                    Readings.Add(reading);
                    await harness.Channel.Writer.WriteAsync(reading);
                }

                // The ingest loop takes each poll before the clock moves on, as it does within milliseconds.
                await Eventually.TrueAsync(() => harness.Channel.Count == 0, what: "the poll taken");
                harness.Time.Advance(Poll);
            }
        }
    }
}
