namespace Aizu.Configuration;

/// <summary>An I2C address as installers write it: <c>0x76</c> or <c>118</c>, empty for the chip's usual one.</summary>
public static class I2cAddressSetting
{
    /// <summary>
    /// Parses a 7-bit address in the range the I2C specification leaves to devices (0x03–0x77);
    /// what <paramref name="usual"/> says when <paramref name="text"/> is empty.
    /// </summary>
    public static bool TryParse(string? text, Func<int> usual, out int address)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            address = usual();
            return true;
        }

        text = text.Trim();
        bool parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out address);
        return parsed && address is >= 0x03 and <= 0x77;
    }
}
