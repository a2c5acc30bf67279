namespace Aizu.Hardware.Display;

/// <summary>The small screens the gateway can drive.</summary>
public enum DisplayKind
{
    /// <summary>SSD1306 monochrome OLED, 128×32 or 128×64, on I2C (0x3C or 0x3D).</summary>
    Ssd1306 = 0,

    /// <summary>HD44780 character LCD (16×2 or 20×4), behind a PCF8574 I2C backpack (0x27 or 0x3F) or on GPIO in 4-bit mode.</summary>
    Hd44780 = 1,
}
