namespace Aizu.Hardware.Display;

/// <summary>How an HD44780 character LCD is connected to the Pi.</summary>
public enum DisplayWiring
{
    /// <summary>Through a PCF8574 I2C backpack (the usual module, four wires).</summary>
    I2c = 0,

    /// <summary>Straight to GPIO lines in 4-bit mode: RS, E and D4–D7 (R/W tied to ground).</summary>
    Gpio = 1,
}
