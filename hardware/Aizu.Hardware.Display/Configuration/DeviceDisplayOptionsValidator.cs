namespace Aizu.Hardware.Display;

/// <summary>Checks <see cref="DeviceDisplayOptions"/> at start-up; each message names the key to fix.</summary>
public sealed class DeviceDisplayOptionsValidator() : SectionOptionsValidator<DeviceDisplayOptions>(DeviceDisplayOptions.SectionName)
{
    private const string Section = DeviceDisplayOptions.SectionName;

    /// <inheritdoc />
    protected override void Check(DeviceDisplayOptions options, List<string> failures)
    {
        if (!Enum.IsDefined(options.Kind))
        {
            failures.Add($"{Section}:Kind must be one of {string.Join(", ", Enum.GetNames<DisplayKind>())} (got {options.Kind}).");
        }

        if (!Enum.IsDefined(options.Wiring))
        {
            failures.Add($"{Section}:Wiring must be one of {string.Join(", ", Enum.GetNames<DisplayWiring>())} (got {options.Wiring}).");
        }
        else if (options.Wiring == DisplayWiring.Gpio && options.Kind != DisplayKind.Hd44780)
        {
            failures.Add($"{Section}:Wiring can be Gpio only with Kind Hd44780; the {options.Kind} is connected over I2C (set Wiring to I2c or leave it out).");
        }

        if (!Enum.IsDefined(options.LcdModel))
        {
            failures.Add($"{Section}:LcdModel must be one of {string.Join(", ", Enum.GetNames<LcdModel>())} (got {options.LcdModel}).");
        }

        if (options.Kind == DisplayKind.Hd44780 && options.Wiring == DisplayWiring.Gpio)
        {
            ValidatePins(options, failures);
        }

        if (options.Bus < 0)
        {
            failures.Add($"{Section}:Bus must be the I2C bus number, 1 on a Raspberry Pi (got {options.Bus}).");
        }

        if (!DisplayAddress.TryParse(options.Address, options.Kind, out _))
        {
            failures.Add($"{Section}:Address must be a 7-bit I2C address between 0x03 and 0x77, e.g. 0x{DisplayAddress.DefaultFor(options.Kind):x2} (got '{options.Address}').");
        }

        if (options.Kind == DisplayKind.Ssd1306 && options.Height is not (32 or 64))
        {
            failures.Add($"{Section}:Height must be 32 or 64, the rows of the SSD1306 panel (got {options.Height}).");
        }

        if (options.RefreshInterval < TimeSpan.FromMilliseconds(200))
        {
            failures.Add($"{Section}:RefreshInterval must be at least 00:00:00.2, such as 00:00:02 (got {options.RefreshInterval}).");
        }

        if (options.StaleAfter <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:StaleAfter must be a positive duration such as 00:01:00 (got {options.StaleAfter}).");
        }

        if (options.OpenI2cDevice is null)
        {
            failures.Add($"{Section}:OpenI2cDevice is not set.");
        }

        if (options.OpenGpioDriver is null)
        {
            failures.Add($"{Section}:OpenGpioDriver is not set.");
        }
    }

    private static void ValidatePins(DeviceDisplayOptions options, List<string> failures)
    {
        if (options.GpioChip < 0)
        {
            failures.Add($"{Section}:GpioChip must be the GPIO chip number, 0 on a Raspberry Pi (got {options.GpioChip}).");
        }

        var pins = new List<(string Key, int Pin)>
        {
            ("RsPin", options.RsPin),
            ("EnablePin", options.EnablePin),
            ("D4Pin", options.D4Pin),
            ("D5Pin", options.D5Pin),
            ("D6Pin", options.D6Pin),
            ("D7Pin", options.D7Pin),
        };
        if (options.BacklightPin != -1)
        {
            pins.Add(("BacklightPin", options.BacklightPin));
        }

        foreach (var (key, pin) in pins)
        {
            if (pin is < 0 or > 27)
            {
                string none = key == "BacklightPin" ? ", or -1 when the backlight is wired to the supply" : string.Empty;
                failures.Add($"{Section}:{key} must be a GPIO line of the Pi's header in BCM numbering, 0 to 27{none} (got {pin}).");
            }
        }

        foreach (var clash in pins.GroupBy(p => p.Pin).Where(g => g.Count() > 1))
        {
            failures.Add($"{Section}:{clash.Last().Key} uses GPIO {clash.Key}, which {Section}:{clash.First().Key} already uses; every LCD signal needs its own line.");
        }
    }
}
