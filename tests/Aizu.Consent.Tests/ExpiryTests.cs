namespace Aizu.Consent.Tests;

public sealed class ExpiryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RecordDueEvents_BeforeExpiry_RecordsNothing_AfterIt_RecordsExpired()
    {
        using var harness = new ConsentHarness();
        await harness.RequestPlanningAsync();
        var given = (await harness.GrantPlanningAsync()).Grant;

        harness.Time.SetUtcNow(given.ExpiresAt - TimeSpan.FromSeconds(1));
        // (The other, unanswered requests are deferred meanwhile; see below.)
        Assert.DoesNotContain(await harness.Consents.RecordDueEventsAsync(None), e => e.Type == ConsentStatus.Expired);
        Assert.True((await harness.Consents.GetGrantAsync(given.ConsentId, given.Version, None))!.IsActiveAt(harness.Time.GetUtcNow()));

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = Assert.Single(await harness.Consents.RecordDueEventsAsync(None));

        Assert.Equal(ConsentStatus.Expired, expired.Type);
        Assert.Equal(ConsentActor.Gateway, expired.Actor);
        var now = await harness.Consents.GetGrantAsync(given.ConsentId, given.Version, None);
        Assert.Equal(ConsentStatus.Expired, now!.Status);
        Assert.False(now.IsActiveAt(harness.Time.GetUtcNow()));
        Assert.Empty(await harness.Consents.RecordDueEventsAsync(None));
    }

    [Fact]
    public async Task ResearchGrant_DefaultsToSixMonths()
    {
        using var harness = new ConsentHarness();
        await harness.RequestPlanningAsync();

        var given = (await harness.Consents.GrantAsync(SamplePurposes.ResearchId, DataCategories.ElectricImportEnergy, Granularity.HalfHour, null, null, None)).Grant;

        Assert.Equal(ConsentHarness.Start.AddMonths(6), given.ExpiresAt);
    }

    [Fact]
    public async Task Monitor_RecordsTheExpiry_WhenTheClockPassesIt_AndWatchersSeeIt()
    {
        using var harness = new ConsentHarness();
        await harness.RequestPlanningAsync();
        var given = (await harness.GrantPlanningAsync(expiresIn: TimeSpan.FromHours(1))).Grant;
        using var stop = new CancellationTokenSource();
        using var monitor = harness.CreateMonitor();
        await using var watch = harness.Consents.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync().AsTask();
        await monitor.StartAsync(None);
        try
        {
            // Step the fake clock until the monitor (whose timer starts once its start-up checks are
            // done) has recorded the expiry; a step longer than the interval is one coalesced tick.
            for (var step = 0; step < 1000 && !next.IsCompleted; step++)
            {
                harness.Time.Advance(TimeSpan.FromMinutes(10));
                await Task.Delay(5);
            }

            Assert.True(await Eventually.WithinAsync(next, "the expiry to reach the watcher"));
            Assert.True(harness.Time.GetUtcNow() >= given.ExpiresAt);
            Assert.Equal(ConsentStatus.Expired, watch.Current.Grant.Status);
            Assert.Equal(given.Reference, watch.Current.Grant.Reference);
        }
        finally
        {
            await stop.CancelAsync();
            await monitor.StopAsync(None);
        }
    }

    [Fact]
    public async Task Monitor_AtStartUp_RecordsExpiriesThatPassedWhileTheGatewayWasOff()
    {
        using var harness = new ConsentHarness();
        await harness.RequestPlanningAsync();
        var given = (await harness.GrantPlanningAsync(expiresIn: TimeSpan.FromDays(1))).Grant;
        harness.Time.Advance(TimeSpan.FromDays(3));
        using var monitor = harness.CreateMonitor();

        await monitor.StartAsync(None);
        try
        {
            var expired = await Eventually.WithinAsync(WaitForStatusAsync(harness, given, ConsentStatus.Expired), "the start-up expiry check");
            Assert.Equal(ConsentStatus.Expired, expired.Status);
        }
        finally
        {
            await monitor.StopAsync(None);
        }
    }

    [Fact]
    public async Task UnansweredRequest_IsRecordedAsDeferred_NeverAsGiven()
    {
        using var harness = new ConsentHarness();
        var request = await harness.RequestPlanningAsync();

        harness.Time.Advance(TimeSpan.FromDays(29));
        Assert.Empty(await harness.Consents.RecordDueEventsAsync(None));
        harness.Time.Advance(TimeSpan.FromDays(1));
        var deferred = await harness.Consents.RecordDueEventsAsync(None);

        Assert.Equal(3, deferred.Count);
        Assert.All(deferred, e => Assert.Equal(ConsentStatus.Deferred, e.Type));
        Assert.Equal(ConsentStatus.Deferred, (await harness.Consents.GetGrantAsync(request.ConsentId, 1, None))!.Status);

        // A deferred request can still be decided on.
        Assert.Equal(ConsentStatus.Given, (await harness.GrantPlanningAsync()).Grant.Status);
    }

    private static async Task<ConsentGrant> WaitForStatusAsync(ConsentHarness harness, ConsentGrant grant, ConsentStatus status)
    {
        while (true)
        {
            var current = await harness.Consents.GetGrantAsync(grant.ConsentId, grant.Version, None);
            if (current?.Status == status)
            {
                return current;
            }

            await Task.Delay(10);
        }
    }
}
