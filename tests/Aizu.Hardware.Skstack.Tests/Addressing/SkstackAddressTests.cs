namespace Aizu.Hardware.Skstack.Tests;

public sealed class SkstackAddressTests
{
    [Theory]
    // ROHM BP35C2 sequence diagram and the Zig BP35C0 driver's SKLL64 test.
    [InlineData("001D129012345678", "FE80:0000:0000:0000:021D:1290:1234:5678")]
    // u-one/go-el-controller: meter MAC 001C6400030C12A4 sends from FE80:…:021C:6400:030C:12A4.
    [InlineData("001C6400030C12A4", "FE80:0000:0000:0000:021C:6400:030C:12A4")]
    // The bit is flipped, not set: a locally administered address loses it.
    [InlineData("021D129012345678", "FE80:0000:0000:0000:001D:1290:1234:5678")]
    [InlineData("ffffffffffffffff", "FE80:0000:0000:0000:FDFF:FFFF:FFFF:FFFF")]
    public void LinkLocalFromMac_FlipsTheUniversalLocalBit(string mac, string expected) =>
        Assert.Equal(expected, SkstackAddress.LinkLocalFromMac(mac));

    [Theory]
    [InlineData("001D1290123456")]
    [InlineData("001D12901234567G")]
    [InlineData("")]
    public void LinkLocalFromMac_RejectsBadMacs(string mac) =>
        Assert.Equal("mac16hex", Assert.Throws<ArgumentException>(() => SkstackAddress.LinkLocalFromMac(mac)).ParamName);

    [Theory]
    [InlineData("FE80:0000:0000:0000:021D:1290:1234:5678", true)]
    [InlineData("fe80:0000:0000:0000:021d:1290:1234:5678", true)]
    [InlineData("FE80::021D:1290:1234:5678", false)]
    [InlineData("FE80:0000:0000:0000:021D:1290:1234:567", false)]
    [InlineData("FE80-0000:0000:0000:021D:1290:1234:5678", false)]
    public void IsFullFormIpv6(string address, bool expected) =>
        Assert.Equal(expected, SkstackAddress.IsFullFormIpv6(address));
}
