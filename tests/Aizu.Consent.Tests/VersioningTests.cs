namespace Aizu.Consent.Tests;

public sealed class VersioningTests : ConsentHarnessTests
{
    [Fact]
    public async Task NewGateway_HasNoGrants()
    {
        Assert.Empty(await Harness.Consents.GetGrantsAsync(None));
    }

    [Fact]
    public async Task Catalogue_CreatesRequestsOnly_NeverGrants()
    {
        await Harness.RequestPlanningAsync();
        var grants = await Harness.Consents.GetGrantsAsync(None);

        Assert.Equal(3, grants.Count);
        Assert.All(grants, g =>
        {
            Assert.Equal(ConsentStatus.Requested, g.Status);
            Assert.Equal(1, g.Version);
            Assert.False(g.IsActiveAt(Harness.Time.GetUtcNow()));
        });
        Assert.Equal(Granularity.Day, grants.Single(g => g.Purpose == SamplePurposes.PlanningId && g.Category == DataCategories.ElectricImportEnergy).Granularity);
        Assert.Equal(Granularity.Hour, grants.Single(g => g.Purpose == SamplePurposes.ResearchId).Granularity);
    }

    [Fact]
    public async Task Grant_IsANewVersion_AndTheRequestVersionStaysAsItWas()
    {
        var request = await Harness.RequestPlanningAsync();

        var decision = await Harness.GrantPlanningAsync();

        var given = decision.Grant;
        Assert.Equal(request.ConsentId, given.ConsentId);
        Assert.Equal(2, given.Version);
        Assert.Equal(ConsentStatus.Given, given.Status);
        Assert.Equal(ConsentHarness.Start, given.ValidFrom);
        Assert.Equal(ConsentHarness.Start.AddMonths(12), given.ExpiresAt);
        Assert.Equal("city-energy-office", given.Recipient);
        Assert.False(given.OnwardSharing);
        Assert.Equal("P24M", given.Retention);
        Assert.Equal(1, given.PurposeVersion);
        Assert.Equal(DpvPurposes.ImprovePublicServices, given.PurposeIri);
        Assert.Equal(ValueTransform.Default, given.Transform);
        Assert.True(given.IsActiveAt(Harness.Time.GetUtcNow()));
        Assert.Equal(request, await Harness.Consents.GetGrantAsync(request.ConsentId, 1, None));
        Assert.Equal(given, await Harness.Consents.GetGrantAsync(request.ConsentId, 2, None));
    }

    [Fact]
    public async Task ChangingGranularity_IsANewVersion_AndTheOldOneIsWithdrawn()
    {
        await Harness.RequestPlanningAsync();
        var daily = (await Harness.GrantPlanningAsync(Granularity.Day)).Grant;

        var monthly = (await Harness.GrantPlanningAsync(Granularity.Month)).Grant;

        Assert.Equal(daily.ConsentId, monthly.ConsentId);
        Assert.Equal(daily.Version + 1, monthly.Version);
        Assert.Equal(Granularity.Month, monthly.Granularity);
        var old = await Harness.Consents.GetGrantAsync(daily.ConsentId, daily.Version, None);
        Assert.Equal(ConsentStatus.Withdrawn, old!.Status);
        Assert.Equal(Granularity.Day, old.Granularity);
        Assert.False(old.IsActiveAt(Harness.Time.GetUtcNow()));
        Assert.Contains(monthly, await Harness.Consents.GetGrantsAsync(None));
    }

    [Fact]
    public async Task GrantingExactlyTheSameAgain_IsRefused_PointingToRenewal()
    {
        await Harness.RequestPlanningAsync();
        await Harness.GrantPlanningAsync();

        var refused = await Assert.ThrowsAsync<ConsentException>(() => Harness.GrantPlanningAsync());

        Assert.Contains("renew", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_KeepsVersionAndTerms_AndMovesTheExpiry()
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync()).Grant;
        Harness.Time.Advance(TimeSpan.FromDays(200));

        var renewed = (await Harness.Consents.RenewAsync(given.ConsentId, null, None)).Grant;

        Assert.Equal(given.Version, renewed.Version);
        Assert.Equal(ConsentStatus.Renewed, renewed.Status);
        Assert.Equal(given.ValidFrom, renewed.ValidFrom);
        Assert.Equal(Harness.Time.GetUtcNow().AddMonths(12), renewed.ExpiresAt);
        Assert.Equal(given with { Status = ConsentStatus.Renewed, ExpiresAt = renewed.ExpiresAt }, renewed);
        Assert.True(renewed.IsActiveAt(Harness.Time.GetUtcNow()));
    }

    [Theory]
    [InlineData("recipient")]
    [InlineData("retention")]
    [InlineData("purpose")]
    [InlineData("granularity")]
    public async Task CityChangingTheTerms_RevokesTheGrant_AndRequestsAFreshDecision(string change)
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync(Granularity.Hour)).Grant;
        var changed = change switch
        {
            "recipient" => SamplePurposes.Planning(2, recipient: "city-and-utility-partner"),
            "retention" => SamplePurposes.Planning(2, retention: "P60M"),
            "purpose" => SamplePurposes.Planning(2) with { Dpv = DpvPurposes.ServiceProvision },
            _ => SamplePurposes.Planning(2) with { Granularities = [Granularity.Month, Granularity.Day] },
        };

        var result = await Harness.PublishAsync(SamplePurposes.Catalogue(2, changed, SamplePurposes.Research()));

        Assert.Equal(CatalogueStatus.Accepted, result.Status);
        var revoked = Assert.Single(result.Revoked, g => g.ConsentId == given.ConsentId);
        Assert.Equal(given.Version, revoked.Version);
        var request = Assert.Single(result.Requested, g => g.ConsentId == given.ConsentId);
        Assert.Equal(given.Version + 1, request.Version);
        Assert.Equal(ConsentStatus.Requested, request.Status);
        Assert.Equal(2, request.PurposeVersion);
        Assert.Equal(ConsentStatus.Revoked, (await Harness.Consents.GetGrantAsync(given.ConsentId, given.Version, None))!.Status);
        Assert.DoesNotContain(await Harness.Consents.GetGrantsAsync(None), g => g.IsActiveAt(Harness.Time.GetUtcNow()));
    }

    [Fact]
    public async Task CityEditingOnlyTheText_KeepsTheGrant()
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync()).Grant;
        var reworded = SamplePurposes.Planning(2) with
        {
            Description = new LocalizedText("日ごとの電力量を提供します(表現を修正)。", "Daily totals go to the city energy office (wording clarified)."),
        };

        var result = await Harness.PublishAsync(SamplePurposes.Catalogue(2, reworded, SamplePurposes.Research()));

        Assert.Equal(CatalogueStatus.Accepted, result.Status);
        Assert.Empty(result.Revoked);
        Assert.Empty(result.Requested);
        Assert.Equal(given, await Harness.Consents.GetGrantAsync(given.ConsentId, given.Version, None));
    }

    [Fact]
    public async Task CityDroppingAPurpose_RevokesItsGrantsAndRequests()
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync()).Grant;

        var result = await Harness.PublishAsync(SamplePurposes.Catalogue(2, SamplePurposes.Research()));

        Assert.Equal(2, result.Revoked.Count(g => g.Purpose == SamplePurposes.PlanningId));
        Assert.Empty(result.Requested);
        Assert.Equal(ConsentStatus.Revoked, (await Harness.Consents.GetGrantAsync(given.ConsentId, given.Version, None))!.Status);
    }

    [Fact]
    public async Task RefusedRequest_IsNotAskedAgain_UntilTheTermsChange()
    {
        var request = await Harness.RequestPlanningAsync();
        var refused = (await Harness.Consents.RefuseAsync(request.ConsentId, None)).Grant;
        Assert.Equal(ConsentStatus.Refused, refused.Status);
        Assert.Equal(request.Version, refused.Version);

        var again = await Harness.PublishAsync(SamplePurposes.Catalogue(2, SamplePurposes.Planning(), SamplePurposes.Research()));
        var changed = await Harness.PublishAsync(SamplePurposes.Catalogue(3, SamplePurposes.Planning(2, retention: "P36M"), SamplePurposes.Research()));

        Assert.Empty(again.Requested);
        Assert.Contains(changed.Requested, g => g.ConsentId == request.ConsentId && g.Version == 2);
    }

    [Fact]
    public async Task DeferAndRefuse_OnlyApplyToOpenRequests()
    {
        var request = await Harness.RequestPlanningAsync();

        var deferred = (await Harness.Consents.DeferAsync(request.ConsentId, None)).Grant;
        Assert.Equal(ConsentStatus.Deferred, deferred.Status);
        await Assert.ThrowsAsync<ConsentException>(() => Harness.Consents.DeferAsync(request.ConsentId, None));
        Assert.Equal(ConsentStatus.Refused, (await Harness.Consents.RefuseAsync(request.ConsentId, None)).Grant.Status);

        var given = (await Harness.GrantPlanningAsync()).Grant;
        Assert.Equal(2, given.Version);
        var refuseGiven = await Assert.ThrowsAsync<ConsentException>(() => Harness.Consents.RefuseAsync(given.ConsentId, None));
        Assert.Contains("withdraw", refuseGiven.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_WhatIsNotInForce_IsRefused()
    {
        var request = await Harness.RequestPlanningAsync();

        var notGiven = await Assert.ThrowsAsync<ConsentException>(() => Harness.Consents.WithdrawAsync(request.ConsentId, None));
        var unknown = await Assert.ThrowsAsync<ConsentException>(() => Harness.Consents.WithdrawAsync("no-such-id", None));

        Assert.Contains("refuse", notGiven.Message, StringComparison.Ordinal);
        Assert.Contains("no consent with id 'no-such-id'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_WithoutACatalogue_SaysSo()
    {
        var refused = await Assert.ThrowsAsync<ConsentException>(() => Harness.GrantPlanningAsync());

        Assert.Contains("No purpose catalogue", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_PurposeNotInTheCatalogue_ListsThoseOnOffer()
    {
        await Harness.RequestPlanningAsync();

        var refused = await Assert.ThrowsAsync<ConsentException>(() => Harness.Consents.GrantAsync(
            "marketing", DataCategories.ElectricImportEnergy, Granularity.Day, null, null, None));

        Assert.Contains("'marketing' is not in the city's catalogue", refused.Message, StringComparison.Ordinal);
        Assert.Contains(SamplePurposes.PlanningId, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_AfterTheCityChangedThePurpose_NeedsAFreshGrant()
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync()).Grant;

        // Store a changed catalogue without reconciling, as if the power failed in between.
        var changed = SamplePurposes.Catalogue(2, SamplePurposes.Planning(2, recipient: "someone-else"), SamplePurposes.Research());
        await Harness.Store.StoreAsync(2, Harness.SignCatalogue(changed), Harness.Time.GetUtcNow(), None);

        var refused = await Assert.ThrowsAsync<ConsentException>(() => Harness.Consents.RenewAsync(given.ConsentId, null, None));
        Assert.Contains("fresh decision", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryLedgerEvent_CarriesTheFullGrant()
    {
        await Harness.RequestPlanningAsync();
        var given = (await Harness.GrantPlanningAsync()).Grant;
        await Harness.Consents.WithdrawAsync(given.ConsentId, None);

        var events = await Harness.Ledger.ReadEventsAsync(0, None);

        Assert.Equal(
            [ConsentStatus.Requested, ConsentStatus.Requested, ConsentStatus.Requested, ConsentStatus.Given, ConsentStatus.Withdrawn],
            events.Select(e => e.Type));
        Assert.Equal(given, events[3].Grant);
        Assert.Equal(given with { Status = ConsentStatus.Withdrawn }, events[4].Grant);
        Assert.Equal([ConsentActor.City, ConsentActor.City, ConsentActor.City, ConsentActor.Household, ConsentActor.Household], events.Select(e => e.Actor));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), events.Select(e => e.Seq));
    }
}
