using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Rollups;

public sealed class CumulativeDeltaTests : TempDatabaseTests
{
    private static Task<double?> Delta(ReadingStore store, int fromMinute, int toMinute) =>
        store.GetCumulativeDeltaAsync(SeriesNames.ElectricImportEnergy, T0.AddMinutes(fromMinute), T0.AddMinutes(toMinute), CancellationToken.None);

    [Fact]
    public async Task Delta_is_latest_at_or_before_to_minus_last_at_or_before_from()
    {
        await using var store = database.Open();
        await store.AppendAsync([Import(-10, 100.0), Import(10, 100.5), Import(50, 101.25), Import(70, 102.0)], CancellationToken.None);

        Assert.Equal(1.25, await Delta(store, 0, 60));
        Assert.Equal(1.25, await Delta(store, 0, 50));
        Assert.Equal(0.75, await Delta(store, 10, 60));
    }

    [Fact]
    public async Task Delta_starts_at_the_first_value_when_nothing_precedes_from()
    {
        await using var store = database.Open();
        await store.AppendAsync([Import(15, 200.0), Import(45, 201.5)], CancellationToken.None);

        Assert.Equal(1.5, await Delta(store, 0, 60));
    }

    [Fact]
    public async Task Delta_is_null_without_data_in_the_span_and_zero_without_a_rise()
    {
        await using var store = database.Open();
        await store.AppendAsync([Import(100, 200.0)], CancellationToken.None);

        Assert.Null(await Delta(store, 0, 60));
        Assert.Equal(0, await Delta(store, 120, 180));
    }

    [Theory]
    // 5_000 -> 5_009.5 (+9.5), reset to 0.5 (the meter was exchanged: unknown, not counted), then 0.5 -> 3.0 (+2.5).
    [InlineData(5_000, 5_009.5, 12.0)]
    // A 5-digit register: 99_990 -> 99_999.5 (+9.5), wraps to 0.5 (+1.0 across the wrap), then 0.5 -> 3.0 (+2.5).
    [InlineData(99_990, 99_999.5, 13.0)]
    public async Task A_meter_reset_sums_the_rises_and_a_roll_over_counts_the_energy_across_the_wrap(double first, double beforeTheDrop, double expected)
    {
        await using var store = database.Open();
        await store.AppendAsync([Import(0, first), Import(10, beforeTheDrop), Import(20, 0.5), Import(30, 3.0)], CancellationToken.None);

        Assert.Equal(expected, await Delta(store, 0, 30));
        Assert.Equal(2.5, await Delta(store, 20, 60));
    }

    [Theory]
    [InlineData(99_999.9, 0.1, 0.2)]
    [InlineData(999.8, 0.5, 0.7)]
    [InlineData(5_000, 0.5, 0)]
    [InlineData(99_000, 0.5, 0)]
    public void A_step_down_is_a_roll_over_only_when_the_wrap_is_small(double previous, double next, double expected) =>
        Assert.Equal(expected, RegisterArithmetic.Step(previous, next), 9);

    [Fact]
    public void Without_a_decrease_the_sum_of_rises_is_exactly_last_minus_first() =>
        Gen.Double[0, 1_000].Array[1, 50].Sample(steps =>
        {
            var values = new List<double>();
            var register = 12_345.6;
            foreach (var step in steps)
            {
                register += step;
                values.Add(register);
            }

            Assert.Equal(values[^1] - values[0], RegisterArithmetic.SumOfRises(values));
        });

    [Fact]
    public void The_sum_of_rises_is_never_negative_and_equals_the_sum_of_the_steps() =>
        Gen.Double[0, 100_000].Array[1, 50].Sample(values =>
        {
            var total = RegisterArithmetic.SumOfRises(values)!.Value;
            var steps = values.Zip(values.Skip(1), RegisterArithmetic.Step).Sum();

            Assert.True(total >= 0);
            Assert.Equal(steps, total, 6);
        });

    [Fact]
    public void No_values_sum_to_null() => Assert.Null(RegisterArithmetic.SumOfRises([]));
}
