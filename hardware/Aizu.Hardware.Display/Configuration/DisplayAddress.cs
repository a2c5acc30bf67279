namespace Aizu.Hardware.Display;

/// <summary>The screen's I2C address as installers write it: <c>0x3C</c> or <c>60</c>.</summary>
internal static class DisplayAddress
{
    public static int DefaultFor(DisplayKind kind) => kind == DisplayKind.Hd44780 ? 0x27 : 0x3C;

    public static bool TryParse(string text, DisplayKind kind, out int address) =>
        I2cAddressSetting.TryParse(text, () => DefaultFor(kind), out address);
}
