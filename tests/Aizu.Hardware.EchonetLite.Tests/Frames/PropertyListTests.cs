namespace Aizu.Hardware.EchonetLite.Tests.Frames;

public sealed class PropertyListTests
{
    private const string ThreeProperties =
        "10 81 00 01 02 88 01 05 FF 01 72 03 E7 04 00 00 00 34 E0 04 00 00 2E F1 E3 04 00 00 59 B6";

    [Fact]
    public void GetEnumerator_ThreeProperties_YieldsEachInOrder()
    {
        var frame = EchonetFrame.Parse(Hex.Bytes(ThreeProperties));
        var seen = new List<string>();

        foreach (var property in frame.Properties)
        {
            seen.Add($"{property.Epc:X2}/{property.Edt.Length}");
        }

        Assert.Equal(["E7/4", "E0/4", "E3/4"], seen);
    }

    [Fact]
    public void TryFind_PresentEpc_ReturnsItsEdt()
    {
        var frame = EchonetFrame.Parse(Hex.Bytes(ThreeProperties));

        Assert.True(frame.Properties.TryFind(0xE0, out var edt));
        Assert.Equal("00002EF1", Hex.Of(edt));
    }

    [Fact]
    public void TryFind_AbsentEpc_ReturnsFalseAndEmptyEdt()
    {
        var frame = EchonetFrame.Parse(Hex.Bytes(ThreeProperties));

        Assert.False(frame.Properties.TryFind(0xE8, out var edt));
        Assert.True(edt.IsEmpty);
    }

    [Fact]
    public void TryFind_RepeatedEpc_ReturnsTheFirst()
    {
        var frame = EchonetFrame.Parse(Hex.Bytes("10 81 00 01 02 88 01 05 FF 01 72 02 E7 01 01 E7 01 02"));

        Assert.True(frame.Properties.TryFind(0xE7, out var edt));
        Assert.Equal(1, edt[0]);
    }

    [Fact]
    public void Default_IsEmptyAndEnumeratesNothing()
    {
        var list = default(PropertyList);
        int visited = 0;

        foreach (var unused in list)
        {
            visited++;
        }

        Assert.Equal(0, list.Count);
        Assert.True(list.IsEmpty);
        Assert.Equal(0, visited);
        Assert.False(list.TryFind(0x80, out _));
    }
}
