namespace Aizu.Hardware.Display;

/// <summary>Settings of the on-device screen, bound from <c>Aizu:Display</c>.</summary>
public sealed class DeviceDisplayOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aizu:Display";

    /// <summary>Which screen is wired.</summary>
    public DisplayKind Kind { get; set; } = DisplayKind.Ssd1306;

    /// <summary>How an <see cref="DisplayKind.Hd44780"/> LCD is connected: a PCF8574 I2C backpack or GPIO lines. The SSD1306 is always on I2C.</summary>
    public DisplayWiring Wiring { get; set; } = DisplayWiring.I2c;

    /// <summary>The size of an <see cref="DisplayKind.Hd44780"/> LCD: 16×2 or 20×4.</summary>
    public LcdModel LcdModel { get; set; } = LcdModel.Lcd1602;

    /// <summary>I2C bus number (1 on a Raspberry Pi's header).</summary>
    public int Bus { get; set; } = 1;

    /// <summary>I2C address as hex or decimal; empty for the usual one (SSD1306 0x3C, PCF8574 backpack 0x27).</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>Rows of an SSD1306 panel: 32 or 64.</summary>
    public int Height { get; set; } = 32;

    /// <summary>GPIO chip of the LCD's lines when <see cref="Wiring"/> is <see cref="DisplayWiring.Gpio"/> (0 on a Pi).</summary>
    public int GpioChip { get; set; }

    /// <summary>GPIO line (BCM numbering) of the LCD's RS (register select) pin.</summary>
    public int RsPin { get; set; } = 25;

    /// <summary>GPIO line of the LCD's E (enable) pin.</summary>
    public int EnablePin { get; set; } = 24;

    /// <summary>GPIO line of the LCD's D4 pin.</summary>
    public int D4Pin { get; set; } = 23;

    /// <summary>GPIO line of the LCD's D5 pin.</summary>
    public int D5Pin { get; set; } = 22;

    /// <summary>GPIO line of the LCD's D6 pin.</summary>
    public int D6Pin { get; set; } = 27;

    /// <summary>GPIO line of the LCD's D7 pin.</summary>
    public int D7Pin { get; set; } = 18;

    /// <summary>GPIO line switching the backlight transistor, or −1 when the backlight is wired to the supply.</summary>
    public int BacklightPin { get; set; } = -1;

    /// <summary>How often the screen is redrawn.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A power reading older than this is not shown (the screen shows "-- W"): an old number looks current.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Opens an I2C device. Not configuration: tests and the demo put simulated screens here.</summary>
    public Func<I2cConnectionSettings, I2cDevice> OpenI2cDevice { get; set; } = I2cDevice.Create;

    /// <summary>Opens a GPIO driver on a chip (libgpiod). Not configuration: tests and the demo put simulated lines here.</summary>
    public Func<int, GpioDriver> OpenGpioDriver { get; set; } = chip => new LibGpiodDriver(chip);

    /// <summary>The LCD's data lines D4–D7, in that order.</summary>
    internal int[] DataPins => [D4Pin, D5Pin, D6Pin, D7Pin];
}
