using IsoDuration = Aizu.Wire.IsoDuration;

namespace Aizu.Consent.Tests;

public sealed class GrantRulesTests : ConsentHarnessTests
{
    private static readonly DateTimeOffset Now = ConsentHarness.Start;

    [Theory]
    [InlineData("elec.instant.power")]
    [InlineData("elec.instant.current")]
    [InlineData("elec.power")]
    public void CheckCategory_InstantaneousPowerOrCurrent_IsRefusedAsARule(string category)
    {
        var problem = GrantRules.CheckCategory(category);

        Assert.NotNull(problem);
        Assert.Contains("never leaves the gateway", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCategory_UnknownName_ListsTheGrantableOnes()
    {
        var problem = GrantRules.CheckCategory("water.usage");

        Assert.NotNull(problem);
        Assert.Contains("Unknown data category 'water.usage'", problem, StringComparison.Ordinal);
        Assert.Contains(DataCategories.ElectricImportEnergy, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCategory_EveryKnownCategory_IsAccepted()
    {
        Assert.All(DataCategories.All, c => Assert.Null(GrantRules.CheckCategory(c)));
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("PT1S")]
    [InlineData("PT1M")]
    [InlineData("PT15M")]
    [InlineData("PT29M59S")]
    [InlineData("PT0.5S")]
    public void CheckGranularity_FinerThanHalfAnHour_IsRefusedWithAClearMessage(string granularity)
    {
        var problem = GrantRules.CheckGranularity(granularity);

        Assert.NotNull(problem);
        Assert.Contains("finer than 30 minutes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckGranularity_AnyDurationUnderThirtyMinutes_IsRefused()
    {
        Gen.Int[0, 1799].Sample(seconds =>
        {
            var problem = GrantRules.CheckGranularity($"PT{seconds}S");
            Assert.NotNull(problem);
            Assert.Contains("finer than 30 minutes", problem, StringComparison.Ordinal);
        });

        Gen.Select(Gen.Int[0, 29], Gen.Int[0, 59]).Sample((minutes, seconds) =>
            Assert.Contains("finer than 30 minutes", GrantRules.CheckGranularity($"PT{minutes}M{seconds}S"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("P1W")]
    [InlineData("PT2H")]
    [InlineData("P1Y")]
    public void CheckGranularity_CoarserButNotOffered_SaysWhatIs(string granularity)
    {
        var problem = GrantRules.CheckGranularity(granularity);

        Assert.NotNull(problem);
        Assert.Contains("not offered", problem, StringComparison.Ordinal);
        Assert.Contains("P1D", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1.5D")]
    public void CheckGranularity_NotADuration_IsRefused(string granularity)
    {
        Assert.NotNull(GrantRules.CheckGranularity(granularity));
    }

    [Fact]
    public void CheckGranularity_EveryOfferedGranularity_IsAccepted()
    {
        Assert.All(Granularity.All, g => Assert.Null(GrantRules.CheckGranularity(g)));
    }

    [Fact]
    public void CheckGrant_HalfHourForAPublicServicePurpose_IsResearchOnly()
    {
        var purpose = SamplePurposes.Planning() with { Granularities = [Granularity.Day, Granularity.HalfHour] };

        var problem = GrantRules.CheckGrant(purpose, DataCategories.ElectricImportEnergy, Granularity.HalfHour, null, null, Now);

        Assert.NotNull(problem);
        Assert.Contains("research purposes only", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckGrant_HalfHourForResearch_IsAccepted()
    {
        Assert.Null(GrantRules.CheckGrant(SamplePurposes.Research(), DataCategories.ElectricImportEnergy, Granularity.HalfHour, null, null, Now));
    }

    [Fact]
    public void CheckGrant_CategoryThePurposeDoesNotAskFor_IsRefused()
    {
        var problem = GrantRules.CheckGrant(SamplePurposes.Planning(), DataCategories.PvGenerationEnergy, Granularity.Day, null, null, Now);

        Assert.Contains("does not ask for pv.generation.energy", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckGrant_GranularityThePurposeDoesNotAccept_IsRefused()
    {
        var problem = GrantRules.CheckGrant(SamplePurposes.Research(), DataCategories.ElectricImportEnergy, Granularity.Day, null, null, Now);

        Assert.Contains("does not accept P1D", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckGrant_EndedPurpose_IsRefused()
    {
        var purpose = SamplePurposes.Planning() with { ValidUntil = Now.AddDays(-1) };

        Assert.Contains("ended", GrantRules.CheckGrant(purpose, DataCategories.ElectricImportEnergy, Granularity.Day, null, null, Now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -0.5)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    public void CheckTransform_NegativeOrNotFinite_IsRefused(double roundTo, double noise)
    {
        Assert.NotNull(GrantRules.CheckTransform(new ValueTransform(roundTo, noise)));
    }

    [Fact]
    public void CheckValidity_AtMostTwelveMonths()
    {
        Assert.Null(GrantRules.CheckValidity(Now, Now.AddMonths(12) - Now));
        Assert.Contains("at most 12 months", GrantRules.CheckValidity(Now, Now.AddMonths(12) - Now + TimeSpan.FromSeconds(1)), StringComparison.Ordinal);
        Assert.NotNull(GrantRules.CheckValidity(Now, TimeSpan.Zero));
    }

    [Fact]
    public void ExpiryFor_Defaults_AreTwelveMonthsAndSixForResearch_CappedByThePurpose()
    {
        Assert.Equal(Now.AddMonths(12), ConsentPolicy.ExpiryFor(Now, Granularity.Day, null, null));
        Assert.Equal(Now.AddMonths(6), ConsentPolicy.ExpiryFor(Now, Granularity.HalfHour, null, null));
        Assert.Equal(Now.AddDays(10), ConsentPolicy.ExpiryFor(Now, Granularity.Day, TimeSpan.FromDays(10), null));
        Assert.Equal(Now.AddMonths(3), ConsentPolicy.ExpiryFor(Now, Granularity.Day, null, Now.AddMonths(3)));
    }

    [Theory]
    [InlineData("P24M", 24, 0, 0)]
    [InlineData("P2Y", 24, 0, 0)]
    [InlineData("P1W", 0, 7, 0)]
    [InlineData("PT30M", 0, 0, 1800)]
    [InlineData("P1DT1H", 0, 1, 3600)]
    public void IsoDuration_ParsesCalendarAndClockParts(string text, int months, int days, int seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(new IsoDuration(months, days, TimeSpan.FromSeconds(seconds)), duration);
    }

    [Fact]
    public async Task GrantAsync_FinerThanHalfAnHour_RecordsNothing()
    {
        await Harness.RequestPlanningAsync();
        var before = await Harness.Ledger.GetHeadSeqAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ConsentException>(() => Harness.GrantPlanningAsync("PT15M"));

        Assert.Contains("finer than 30 minutes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Harness.Ledger.GetHeadSeqAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GrantAsync_InstantaneousPower_IsRefused()
    {
        await Harness.RequestPlanningAsync();

        var refused = await Assert.ThrowsAsync<ConsentException>(() => Harness.Consents.GrantAsync(
            SamplePurposes.PlanningId, "elec.instant.power", Granularity.Day, null, null, CancellationToken.None));

        Assert.Contains("instantaneous power or current", refused.Message, StringComparison.Ordinal);
    }
}
