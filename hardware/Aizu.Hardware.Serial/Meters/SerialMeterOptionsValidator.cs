namespace Aizu.Hardware.Serial.Meters;

/// <summary>Checks the keys every serial meter has at start-up; each message names the key to fix.</summary>
/// <typeparam name="TOptions">The meter's options.</typeparam>
/// <param name="section">The configuration section, e.g. <c>Aizu:Dsmr</c>.</param>
/// <param name="device">What <see cref="SerialMeterOptions.DevicePath"/> names, e.g. <c>the P1 cable's serial device</c>.</param>
public abstract class SerialMeterOptionsValidator<TOptions>(string section, string device) : SectionOptionsValidator<TOptions>(section)
    where TOptions : SerialMeterOptions
{
    /// <summary>The configuration section the messages name.</summary>
    protected string Section => SectionPath;

    /// <inheritdoc />
    protected sealed override void Check(TOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.DevicePath))
        {
            failures.Add($"{Key("DevicePath")} is empty: set it to {device}, e.g. /dev/ttyUSB0.");
        }

        CheckPositive(failures, "PowerInterval", options.PowerInterval);
        CheckPositive(failures, "EnergyInterval", options.EnergyInterval);
        CheckPositive(failures, "SilenceTimeout", options.SilenceTimeout);
        CheckPositive(failures, "MaxRetryDelay", options.MaxRetryDelay);
        ValidateMeter(options, failures);
    }

    /// <summary>Adds a message per problem with the meter's own keys.</summary>
    protected abstract void ValidateMeter(TOptions options, List<string> failures);

    private void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Key(key)} must be a positive duration such as 00:00:05 (got {value}).");
        }
    }
}
