using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Store;

/// <summary>
/// The default commit window: readings wait in memory and are committed together once the window has passed,
/// queries see them at once (and commit them), shutdown commits them, an erase takes them too.
/// </summary>
public sealed class CommitWindowTests : TempDatabaseTests
{
    [Fact]
    public async Task Readings_wait_for_the_window_then_the_timer_commits_them_together()
    {
        await using var store = database.Open();
        await store.AppendAsync([Power(0, 100)], CancellationToken.None);
        database.Time.Advance(TimeSpan.FromSeconds(30));
        await store.AppendAsync([Power(1, 200), Power(2, 300)], CancellationToken.None);

        Assert.Equal(3, store.PendingCount);
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM open_reading;"));

        // The window counts from the first waiting reading.
        database.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, store.PendingCount);
        Assert.Equal(3, database.Scalar("SELECT count(*) FROM open_reading;"));
    }

    [Fact]
    public async Task A_query_sees_waiting_readings_and_commits_them()
    {
        await using var store = database.Open();
        await store.AppendAsync([Power(0, 100), Power(1, 250)], CancellationToken.None);

        var latest = await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None);

        Assert.Equal(250, latest!.Value.Value);
        Assert.Equal(2, database.Scalar("SELECT count(*) FROM open_reading;"));
        Assert.Equal(1, database.Scalar("SELECT count(*) FROM rollup WHERE level = 1;"));
    }

    [Fact]
    public async Task Shutdown_commits_what_waits()
    {
        await using (var store = database.Open())
        {
            await store.AppendAsync([Power(0, 100), Import(0, 12.5)], CancellationToken.None);
            Assert.Equal(0, database.Scalar("SELECT count(*) FROM open_reading;"));
        }

        Assert.Equal(2, database.Scalar("SELECT count(*) FROM open_reading;"));
    }

    [Fact]
    public async Task A_unit_clash_with_a_waiting_reading_is_refused_at_once()
    {
        await using var store = database.Open();
        await store.AppendAsync([Power(0, 100)], CancellationToken.None);

        var clash = new Reading(SeriesNames.ElectricPower, T0.AddSeconds(1), 1, Units.KilowattHour, ReadingQuality.Good);
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([clash], CancellationToken.None));
        Assert.Equal(1, store.PendingCount);
    }

    [Fact]
    public async Task Erasing_takes_the_waiting_readings_too()
    {
        await using var store = database.Open();
        await store.AppendAsync([Power(0, 100)], CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);
        await store.AppendAsync([Power(1, 200), Power(2, 300)], CancellationToken.None);

        var erased = await store.EraseReadingsAsync(CancellationToken.None);

        Assert.Equal(3, erased.Readings);
        Assert.Equal(0, store.PendingCount);
        Assert.Null(await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None));
    }

    [Fact]
    public async Task After_the_timer_could_not_commit_the_next_append_reports_the_full_disk_and_nothing_is_lost()
    {
        await using var store = database.Open();
        await store.AppendAsync([Power(0, 1)], CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);
        store.LimitPagesForTesting(store.LimitPagesForTesting(null));

        var many = Enumerable.Range(1, 2_000).Select(i => Power(i, i)).ToArray();
        await store.AppendAsync(many, CancellationToken.None);
        database.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(2_000, store.PendingCount);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync([Power(3_000, 3)], CancellationToken.None));

        store.LimitPagesForTesting(null);
        await store.AppendAsync([Power(3_000, 3)], CancellationToken.None);
        Assert.Equal(0, store.PendingCount);
        Assert.Equal(2_002, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Shutdown_on_a_full_disk_reports_what_is_lost_once_and_a_second_dispose_does_nothing()
    {
        var store = database.Open();
        await store.AppendAsync([Power(0, 1)], CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);
        store.LimitPagesForTesting(store.LimitPagesForTesting(null));
        await store.AppendAsync([.. Enumerable.Range(1, 2_000).Select(i => Power(i, i))], CancellationToken.None);

        await store.DisposeAsync();
        await store.DisposeAsync();

        Assert.Equal(1, database.Scalar("SELECT count(*) FROM open_reading;"));
    }
}
