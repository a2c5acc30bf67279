using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Sml;

/// <summary>Checks <see cref="SmlOptions"/> at start-up; each message names the key to fix.</summary>
public sealed class SmlOptionsValidator : IValidateOptions<SmlOptions>
{
    private static readonly int[] BaudRates = [300, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = SmlOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.DevicePath))
        {
            failures.Add($"{Section}:DevicePath is empty: set it to the IR read head's serial device, e.g. /dev/ttyUSB0.");
        }

        if (!BaudRates.Contains(options.BaudRate))
        {
            failures.Add($"{Section}:BaudRate must be one of {string.Join(", ", BaudRates)} (SML meters use 9600), got {options.BaudRate}.");
        }

        CheckPositive(failures, $"{Section}:PowerInterval", options.PowerInterval);
        CheckPositive(failures, $"{Section}:EnergyInterval", options.EnergyInterval);
        CheckPositive(failures, $"{Section}:SilenceTimeout", options.SilenceTimeout);
        CheckPositive(failures, $"{Section}:MaxRetryDelay", options.MaxRetryDelay);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be a positive duration such as 00:00:05 (got {value}).");
        }
    }
}
