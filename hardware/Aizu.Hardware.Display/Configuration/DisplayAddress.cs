using System.Globalization;

namespace Aizu.Hardware.Display;

/// <summary>The screen's I2C address as installers write it: <c>0x3C</c> or <c>60</c>.</summary>
internal static class DisplayAddress
{
    public static int DefaultFor(DisplayKind kind) => kind == DisplayKind.Hd44780 ? 0x27 : 0x3C;

    public static bool TryParse(string text, DisplayKind kind, out int address)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            address = DefaultFor(kind);
            return true;
        }

        text = text.Trim();
        bool parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out address);
        return parsed && address is >= 0x03 and <= 0x77;
    }
}
