namespace Aizu.Hardware.EchonetLite.Tests.TestData;

/// <summary>Frames in tests are written the way captures and specifications print them: hex with spaces.</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
