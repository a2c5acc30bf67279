using System.Device.I2c;

namespace Aizu.Hardware.Display;

/// <summary>Settings of the on-device screen, bound from <c>Aizu:Display</c>.</summary>
public sealed class DeviceDisplayOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aizu:Display";

    /// <summary>Which screen is wired.</summary>
    public DisplayKind Kind { get; set; } = DisplayKind.Ssd1306;

    /// <summary>I2C bus number (1 on a Raspberry Pi's header).</summary>
    public int Bus { get; set; } = 1;

    /// <summary>I2C address as hex or decimal; empty for the usual one (SSD1306 0x3C, PCF8574 backpack 0x27).</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>Rows of an SSD1306 panel: 32 or 64.</summary>
    public int Height { get; set; } = 32;

    /// <summary>How often the screen is redrawn.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A power reading older than this is not shown (the screen shows "-- W"): an old number looks current.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Opens an I2C device. Not configuration: tests and the demo put simulated screens here.</summary>
    public Func<I2cConnectionSettings, I2cDevice> OpenI2cDevice { get; set; } = I2cDevice.Create;
}
