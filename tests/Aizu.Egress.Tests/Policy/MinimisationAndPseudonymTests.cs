namespace Aizu.Egress.Tests.Policy;

public sealed class MinimisationAndPseudonymTests
{
    [Theory]
    [InlineData(8449.9, 100, 8400)]
    [InlineData(8450, 100, 8500)]
    [InlineData(123.456, 0.1, 123.5)]
    [InlineData(-3, 100, 0)]
    public void Apply_WithoutNoise_RoundsToTheStep(double value, double step, double expected)
    {
        Assert.Equal(expected, new ValueMinimiser(RandomNumberGenerator.Create()).Apply(value, new ValueTransform(step)));
    }

    [Fact]
    public void Apply_WithLaplaceNoise_StaysOnTheGridAndVaries()
    {
        var minimiser = new ValueMinimiser(RandomNumberGenerator.Create());
        var released = Enumerable.Range(0, 200).Select(_ => minimiser.Apply(5000, new ValueTransform(10, 200))).ToList();

        Assert.All(released, v => Assert.Equal(0m, (decimal)v % 10));
        Assert.True(released.Distinct().Count() > 20);
        Assert.InRange(released.Average(), 4900, 5100);
    }

    [Fact]
    public async Task Pseudonyms_DifferByPurposeRecipientAndPeriod_AndAreStable()
    {
        var pseudonyms = new HouseholdPseudonyms(new FixedSecretProvider([.. Enumerable.Repeat((byte)9, 32)]));

        var planning2026 = await pseudonyms.DataSetAsync("city-energy-planning", "city-energy-office", "2026", CancellationToken.None);
        var planning2027 = await pseudonyms.DataSetAsync("city-energy-planning", "city-energy-office", "2027", CancellationToken.None);
        var planningOther = await pseudonyms.DataSetAsync("city-energy-planning", "university-lab", "2026", CancellationToken.None);
        var research2026 = await pseudonyms.DataSetAsync("academic-research", "city-energy-office", "2026", CancellationToken.None);

        Assert.Matches("^[0-9a-f]{16}$", planning2026);
        Assert.Equal(planning2026, await pseudonyms.DataSetAsync("city-energy-planning", "city-energy-office", "2026", CancellationToken.None));
        Assert.Equal(4, new[] { planning2026, planning2027, planningOther, research2026 }.Distinct().Count());
    }

    [Fact]
    public async Task ConsentReferences_DifferByVersionAndPeriod_AndNameNoConsentId()
    {
        var pseudonyms = new HouseholdPseudonyms(new FixedSecretProvider([.. Enumerable.Repeat((byte)9, 32)]));

        var v1In2026 = await pseudonyms.ConsentReferenceAsync("plan-b", 1, "2026", CancellationToken.None);
        var v2In2026 = await pseudonyms.ConsentReferenceAsync("plan-b", 2, "2026", CancellationToken.None);
        var v1In2027 = await pseudonyms.ConsentReferenceAsync("plan-b", 1, "2027", CancellationToken.None);

        Assert.Matches("^[0-9a-f]{24}$", v1In2026);
        Assert.Equal(v1In2026, await pseudonyms.ConsentReferenceAsync("plan-b", 1, "2026", CancellationToken.None));
        Assert.Equal(3, new[] { v1In2026, v2In2026, v1In2027 }.Distinct().Count());
    }
}
