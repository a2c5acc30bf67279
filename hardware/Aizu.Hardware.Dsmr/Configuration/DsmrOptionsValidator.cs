using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Dsmr;

/// <summary>Checks <see cref="DsmrOptions"/> at start-up; each message names the key to fix.</summary>
public sealed class DsmrOptionsValidator : IValidateOptions<DsmrOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DsmrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = DsmrOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.DevicePath))
        {
            failures.Add($"{Section}:DevicePath is empty: set it to the P1 cable's serial device, e.g. /dev/ttyUSB0.");
        }

        if (!Enum.IsDefined(options.Protocol))
        {
            failures.Add($"{Section}:Protocol must be one of {string.Join(", ", Enum.GetNames<DsmrProtocol>())} (got {(int)options.Protocol}).");
        }

        CheckPositive(failures, $"{Section}:PowerInterval", options.PowerInterval);
        CheckPositive(failures, $"{Section}:EnergyInterval", options.EnergyInterval);
        CheckPositive(failures, $"{Section}:MaxRetryDelay", options.MaxRetryDelay);
        if (Enum.IsDefined(options.Protocol) && options.SilenceTimeout <= DsmrLine.TelegramInterval(options.Protocol))
        {
            failures.Add($"{Section}:SilenceTimeout must be longer than the meter's telegram interval ({DsmrLine.TelegramInterval(options.Protocol)} for {options.Protocol}), got {options.SilenceTimeout}.");
        }

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
