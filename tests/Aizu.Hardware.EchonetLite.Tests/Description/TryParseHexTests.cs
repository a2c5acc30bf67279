namespace Aizu.Hardware.EchonetLite.Tests.Description;

/// <summary>The hex a user pastes into <c>aizu decode</c>: from captures, logs, specifications and C arrays.</summary>
public sealed class TryParseHexTests
{
    private static readonly byte[] Expected = [0x10, 0x81, 0x00, 0x01, 0xAB];

    [Theory]
    [InlineData("10 81 00 01 AB")]
    [InlineData("10810001AB")]
    [InlineData("10810001ab")]
    [InlineData("0x10,0x81,0x00,0x01,0xAB")]
    [InlineData("0x10, 0x81, 0x00, 0x01, 0xab")]
    [InlineData("0X1081 0x0001AB")]
    [InlineData("10:81:00:01:AB")]
    [InlineData("10-81-00-01-AB")]
    [InlineData("  10\t81\r\n00 01\nAB  ")]
    [InlineData("1081 00,01-AB")]
    public void TryParseHex_CommonNotations_ReadTheSameBytes(string text)
    {
        Assert.True(EchonetFrameDescriber.TryParseHex(text, out byte[] bytes, out string? error));

        Assert.Null(error);
        Assert.Equal(Expected, bytes);
    }

    [Theory]
    [InlineData("10 8 1", "'8' at position 4 has an odd number of hexadecimal digits (1); every byte takes two")]
    [InlineData("108", "'108' at position 1 has an odd number of hexadecimal digits (3); every byte takes two")]
    [InlineData("0x10,0x8", "'0x8' at position 6 has an odd number of hexadecimal digits (1); every byte takes two")]
    [InlineData("10 81 0g", "'g' at position 8 is not a hexadecimal digit or a separator (space, ':', ',', '-')")]
    [InlineData("10;81", "';' at position 3 is not a hexadecimal digit or a separator (space, ':', ',', '-')")]
    [InlineData("10 0x", "'0x' at position 4 is not followed by any digits")]
    [InlineData("", "no hexadecimal digits")]
    [InlineData(" ,: - ", "no hexadecimal digits")]
    public void TryParseHex_BadInput_FailsNamingThePosition(string text, string expectedError)
    {
        Assert.False(EchonetFrameDescriber.TryParseHex(text, out byte[] bytes, out string? error));

        Assert.Equal(expectedError, error);
        Assert.Empty(bytes);
    }

    [Fact]
    public void TryParseHex_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => EchonetFrameDescriber.TryParseHex(null!, out _, out _));
    }

    [Fact]
    public void TryParseHexThenDescribe_PastedErxudpPayload_DescribesTheFrame()
    {
        // The ERXUDP payload of the BP35C0 golden line, as a user copies it from a dongle log.
        Assert.True(EchonetFrameDescriber.TryParseHex("1081000102880105FF017201E704000001F8", out byte[] bytes, out _));

        Assert.EndsWith(
            "EPC 0xE7 instantaneous electric power, PDC 4, EDT 000001F8 = 504 W",
            EchonetFrameDescriber.Describe(bytes),
            StringComparison.Ordinal);
    }
}
