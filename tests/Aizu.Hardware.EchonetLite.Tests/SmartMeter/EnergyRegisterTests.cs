namespace Aizu.Hardware.EchonetLite.Tests.SmartMeter;

public sealed class EnergyRegisterTests
{
    [Fact]
    public void ToKilowattHours_AppliesCoefficientAndUnit()
    {
        Assert.Equal(1201.7m, new EnergyRegister(1, 0.1m, 6).ToKilowattHours(12017));
        Assert.Equal(120170m, new EnergyRegister(10, 1m, 6).ToKilowattHours(12017));
        Assert.Equal(0m, new EnergyRegister(40, 0.01m, 6).ToKilowattHours(0));
    }

    [Fact]
    public void ToKilowattHours_LargestValues_DoNotOverflow()
    {
        Assert.Equal(99_999_999m * 999_999m * 10000m, new EnergyRegister(999_999, 10000m, 8).ToKilowattHours(99_999_999));
    }

    [Fact]
    public void DeltaKilowattHours_NoRollOver_IsDifference()
    {
        Assert.Equal(0.5m, new EnergyRegister(1, 0.1m, 6).DeltaKilowattHours(12017, 12022));
        Assert.Equal(0m, new EnergyRegister(1, 0.1m, 6).DeltaKilowattHours(12017, 12017));
    }

    [Fact]
    public void DeltaKilowattHours_SixDigitRollOver_CountsThroughZero()
    {
        Assert.Equal(5m, new EnergyRegister(1, 1m, 6).DeltaKilowattHours(999_998, 3));
        Assert.Equal(0.5m, new EnergyRegister(1, 0.1m, 6).DeltaKilowattHours(999_998, 3));
    }

    [Fact]
    public void DeltaKilowattHours_EightDigitRollOver_CountsThroughZero()
    {
        Assert.Equal(2m, new EnergyRegister(1, 1m, 8).DeltaKilowattHours(99_999_999, 1));
    }

    [Fact]
    public void DeltaKilowattHours_AppliesCoefficient()
    {
        Assert.Equal(0.6m, new EnergyRegister(3, 0.01m, 5).DeltaKilowattHours(99_990, 10));
    }

    [Fact]
    public void DeltaKilowattHours_ReadingWiderThanDigits_Throws()
    {
        var exception = Assert.Throws<EchonetLiteFormatException>(() =>
            new EnergyRegister(1, 1m, 6).DeltaKilowattHours(1_000_000, 3));

        Assert.Equal("Cumulative reading 1000000 has more than the meter's 6 effective digits.", exception.Message);
        Assert.Throws<EchonetLiteFormatException>(() => new EnergyRegister(1, 1m, 6).DeltaKilowattHours(3, 1_000_000));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void DeltaKilowattHours_RegisterWithoutValidDigits_Throws(int digits)
    {
        Assert.Throws<InvalidOperationException>(() => new EnergyRegister(1, 1m, digits).DeltaKilowattHours(1, 2));
    }

    [Fact]
    public void DeltaKilowattHours_AnyAdvanceBelowModulus_IsRecovered() =>
        Gen.Select(Gen.Int[1, 8], Gen.UInt, Gen.UInt, (digits, start, advance) => (digits, start, advance)).Sample(c =>
        {
            uint modulus = (uint)Math.Pow(10, c.digits);
            uint previous = c.start % modulus;
            uint counts = c.advance % modulus;
            uint current = (uint)((previous + (ulong)counts) % modulus);

            Assert.Equal(counts * 0.1m, new EnergyRegister(1, 0.1m, c.digits).DeltaKilowattHours(previous, current));
        }, iter: 10_000);
}
