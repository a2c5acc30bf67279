using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Display;

/// <summary>Checks <see cref="DeviceDisplayOptions"/> at start-up; each message names the key to fix.</summary>
public sealed class DeviceDisplayOptionsValidator : IValidateOptions<DeviceDisplayOptions>
{
    private const string Section = DeviceDisplayOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DeviceDisplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Kind))
        {
            failures.Add($"{Section}:Kind must be one of {string.Join(", ", Enum.GetNames<DisplayKind>())} (got {options.Kind}).");
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
