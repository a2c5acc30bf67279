namespace Aizu.Hardware.EchonetLite.Tests.Frames;

public sealed class EchonetObjectTests
{
    [Fact]
    public void WellKnownObjects_HaveSpecificationCodes()
    {
        Assert.Equal(new EchonetObject(0x02, 0x88, 0x01), EchonetObject.SmartElectricEnergyMeter);
        Assert.Equal(new EchonetObject(0x05, 0xFF, 0x01), EchonetObject.Controller);
        Assert.Equal(new EchonetObject(0x0E, 0xF0, 0x01), EchonetObject.NodeProfile);
    }

    [Fact]
    public void ToString_IsHexLikeTheSpecification()
    {
        Assert.Equal("0x028801", EchonetObject.SmartElectricEnergyMeter.ToString());
        Assert.Equal("0x05FF01", EchonetObject.Controller.ToString());
        Assert.Equal("0x0EF001", EchonetObject.NodeProfile.ToString());
        Assert.Equal("0x000000", default(EchonetObject).ToString());
    }

    [Fact]
    public void IsSameClass_IgnoresInstance()
    {
        var secondMeter = EchonetObject.SmartElectricEnergyMeter with { Instance = 0x02 };

        Assert.True(secondMeter.IsSameClass(EchonetObject.SmartElectricEnergyMeter));
        Assert.NotEqual(secondMeter, EchonetObject.SmartElectricEnergyMeter);
        Assert.False(EchonetObject.Controller.IsSameClass(EchonetObject.SmartElectricEnergyMeter));
    }
}
