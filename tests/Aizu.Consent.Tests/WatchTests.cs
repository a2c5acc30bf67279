namespace Aizu.Consent.Tests;

public sealed class WatchTests : ConsentHarnessTests
{
    [Fact]
    public async Task Withdraw_ReachesWatchersDirectly_WithoutWaitingForAPoll()
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync()).Grant;
        using var stop = new CancellationTokenSource();
        await using var watch = Harness.Consents.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var first = watch.MoveNextAsync().AsTask();

        await Harness.Consents.WithdrawAsync(given.ConsentId, None);

        // The fake clock stands still, so no poll or timer can be what delivers it.
        Assert.True(await Eventually.WithinAsync(first, "the withdrawal to reach the watcher"));
        Assert.Equal(ConsentStatus.Withdrawn, watch.Current.Grant.Status);
        Assert.Equal(given.Reference, watch.Current.Grant.Reference);
        Assert.Equal(Harness.Time.GetUtcNow(), watch.Current.At);
        var read = await Harness.Consents.GetGrantAsync(given.ConsentId, given.Version, None);
        Assert.False(read!.IsActiveAt(Harness.Time.GetUtcNow()));
    }

    [Fact]
    public async Task Watchers_SeeEveryChangeInOrder_AndNoHistory()
    {
        await Harness.RequestPlanningAsync();
        using var stop = new CancellationTokenSource();
        await using var watch = Harness.Consents.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var first = watch.MoveNextAsync().AsTask();

        var daily = (await Harness.GrantPlanningAsync()).Grant;
        var monthly = (await Harness.GrantPlanningAsync(Granularity.Month)).Grant;

        var seen = new List<ConsentGrant>();
        Assert.True(await first);
        seen.Add(watch.Current.Grant);
        while (seen.Count < 3)
        {
            var next = watch.MoveNextAsync();
            Assert.True(next.IsCompleted);
            Assert.True(await next);
            seen.Add(watch.Current.Grant);
        }

        Assert.Equal([daily, daily with { Status = ConsentStatus.Withdrawn }, monthly], seen);
    }

    [Fact]
    public async Task WithdrawByAnotherProcess_IsReadAtOnce_AndReachesWatchersOnThePoll()
    {
        using var gateway = new ConsentHarness();
        await gateway.RequestPlanningAsync();
        var given = (await gateway.GrantPlanningAsync()).Grant;
        using var command = gateway.OpenAnotherProcess();
        using var stop = new CancellationTokenSource();
        await using var watch = gateway.Consents.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync().AsTask();
        using var monitor = gateway.CreateMonitor();
        await monitor.StartAsync(None);
        try
        {
            await command.Consents.WithdrawAsync(given.ConsentId, None);

            // Reads go to the file, so the egress side's check before sending already says no.
            Assert.Equal(ConsentStatus.Withdrawn, (await gateway.Consents.GetGrantAsync(given.ConsentId, given.Version, None))!.Status);

            for (var poll = 0; poll < 1000 && !next.IsCompleted; poll++)
            {
                gateway.Time.Advance(gateway.Options.ChangePollInterval);
                await Task.Delay(10);
            }

            Assert.True(await next);
            Assert.Equal(ConsentStatus.Withdrawn, watch.Current.Grant.Status);
        }
        finally
        {
            await stop.CancelAsync();
            await monitor.StopAsync(None);
        }
    }
}
