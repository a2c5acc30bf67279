namespace Aizu.Consent.Tests;

public sealed class ExpiryTests : ConsentHarnessTests
{
    [Fact]
    public async Task RecordDueEvents_BeforeExpiry_RecordsNothing_AfterIt_RecordsExpired()
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync()).Grant;

        Harness.Time.SetUtcNow(given.ExpiresAt - TimeSpan.FromSeconds(1));
        // (The other, unanswered requests are deferred meanwhile; see below.)
        Assert.DoesNotContain(await Harness.Consents.RecordDueEventsAsync(None), e => e.Type == ConsentStatus.Expired);
        Assert.True((await Harness.Consents.GetGrantAsync(given.ConsentId, given.Version, None))!.IsActiveAt(Harness.Time.GetUtcNow()));

        Harness.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = Assert.Single(await Harness.Consents.RecordDueEventsAsync(None));

        Assert.Equal(ConsentStatus.Expired, expired.Type);
        Assert.Equal(ConsentActor.Gateway, expired.Actor);
        var now = await Harness.Consents.GetGrantAsync(given.ConsentId, given.Version, None);
        Assert.Equal(ConsentStatus.Expired, now!.Status);
        Assert.False(now.IsActiveAt(Harness.Time.GetUtcNow()));
        Assert.Empty(await Harness.Consents.RecordDueEventsAsync(None));
    }

    [Fact]
    public async Task ResearchGrant_DefaultsToSixMonths()
    {
        await Harness.RequestPlanningAsync();

        var given = (await Harness.Consents.GrantAsync(SamplePurposes.ResearchId, DataCategories.ElectricImportEnergy, Granularity.HalfHour, null, null, None)).Grant;

        Assert.Equal(ConsentHarness.Start.AddMonths(6), given.ExpiresAt);
    }

    [Fact]
    public async Task Monitor_RecordsTheExpiry_WhenTheClockPassesIt_AndWatchersSeeIt()
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync(expiresIn: TimeSpan.FromHours(1))).Grant;
        using var stop = new CancellationTokenSource();
        using var monitor = Harness.CreateMonitor();
        await using var watch = Harness.Consents.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync().AsTask();
        await monitor.StartAsync(None);
        try
        {
            // Step the fake clock until the monitor (whose timer starts once its start-up checks are
            // done) has recorded the expiry; a step longer than the interval is one coalesced tick.
            for (var step = 0; step < 1000 && !next.IsCompleted; step++)
            {
                Harness.Time.Advance(TimeSpan.FromMinutes(10));
                await Task.Delay(5);
            }

            Assert.True(await Eventually.WithinAsync(next, "the expiry to reach the watcher"));
            Assert.True(Harness.Time.GetUtcNow() >= given.ExpiresAt);
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
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync(expiresIn: TimeSpan.FromDays(1))).Grant;
        Harness.Time.Advance(TimeSpan.FromDays(3));
        using var monitor = Harness.CreateMonitor();

        await monitor.StartAsync(None);
        try
        {
            var expired = await Eventually.WithinAsync(WaitForStatusAsync(Harness, given, ConsentStatus.Expired), "the start-up expiry check");
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
        var request = await Harness.RequestPlanningAsync();

        Harness.Time.Advance(TimeSpan.FromDays(29));
        Assert.Empty(await Harness.Consents.RecordDueEventsAsync(None));
        Harness.Time.Advance(TimeSpan.FromDays(1));
        var deferred = await Harness.Consents.RecordDueEventsAsync(None);

        Assert.Equal(3, deferred.Count);
        Assert.All(deferred, e => Assert.Equal(ConsentStatus.Deferred, e.Type));
        Assert.Equal(ConsentStatus.Deferred, (await Harness.Consents.GetGrantAsync(request.ConsentId, 1, None))!.Status);

        // A deferred request can still be decided on.
        Assert.Equal(ConsentStatus.Given, (await Harness.GrantPlanningAsync()).Grant.Status);
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
