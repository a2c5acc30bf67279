using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Serial.Meters;

/// <summary>Checks the keys every serial meter has at start-up; each message names the key to fix.</summary>
/// <typeparam name="TOptions">The meter's options.</typeparam>
/// <param name="section">The configuration section, e.g. <c>Aizu:Dsmr</c>.</param>
/// <param name="device">What <see cref="SerialMeterOptions.DevicePath"/> names, e.g. <c>the P1 cable's serial device</c>.</param>
public abstract class SerialMeterOptionsValidator<TOptions>(string section, string device) : IValidateOptions<TOptions>
    where TOptions : SerialMeterOptions
{
    /// <summary>The configuration section the messages name.</summary>
    protected string Section => section;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DevicePath))
        {
            failures.Add($"{section}:DevicePath is empty: set it to {device}, e.g. /dev/ttyUSB0.");
        }

        CheckPositive(failures, "PowerInterval", options.PowerInterval);
        CheckPositive(failures, "EnergyInterval", options.EnergyInterval);
        CheckPositive(failures, "SilenceTimeout", options.SilenceTimeout);
        CheckPositive(failures, "MaxRetryDelay", options.MaxRetryDelay);
        ValidateMeter(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Adds a message per problem with the meter's own keys.</summary>
    protected abstract void ValidateMeter(TOptions options, List<string> failures);

    private void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{key} must be a positive duration such as 00:00:05 (got {value}).");
        }
    }
}
