namespace Aizu.Hardware.Pulse;

/// <summary>Checks <see cref="PulseMeterOptions"/> at start-up; each message names the key to fix.</summary>
public sealed class PulseMeterOptionsValidator() : SectionOptionsValidator<PulseMeterOptions>(PulseMeterOptions.SectionName)
{
    /// <inheritdoc />
    protected override void Check(PulseMeterOptions options, List<string> failures)
    {
        const string Section = PulseMeterOptions.SectionName;
        if (options.Pin is < 0 or > 53)
        {
            failures.Add($"{Section}:Pin must be a BCM GPIO number from 0 to 53 (e.g. 17 for header pin 11), got {options.Pin}.");
        }

        if (options.GpioChip is < 0 or > 15)
        {
            failures.Add($"{Section}:GpioChip must be 0 to 15 (0 on a Raspberry Pi), got {options.GpioChip}.");
        }

        if (options.PulsesPerKilowattHour is < 1 or > 100_000)
        {
            failures.Add($"{Section}:PulsesPerKilowattHour must be the meter constant printed on the meter (1 to 100000 imp/kWh), got {options.PulsesPerKilowattHour}.");
        }

        if (options.DebounceTime < TimeSpan.Zero || options.DebounceTime >= TimeSpan.FromMilliseconds(30))
        {
            failures.Add($"{Section}:DebounceTime must be at least 0 and shorter than an S0 pulse (30 ms), got {options.DebounceTime}.");
        }

        if (!Enum.IsDefined(options.Role))
        {
            failures.Add($"{Section}:Role must be one of {string.Join(", ", Enum.GetNames<PulseMeterRole>())}.");
        }

        if (!double.IsFinite(options.RegisterOffset) || options.RegisterOffset < 0)
        {
            failures.Add($"{Section}:RegisterOffset must be a meter reading in kWh of at least 0, got {options.RegisterOffset}.");
        }

        if (string.IsNullOrWhiteSpace(options.CountFilePath))
        {
            failures.Add($"{Section}:CountFilePath is empty.");
        }

        CheckPositive(failures, $"{Section}:PowerInterval", options.PowerInterval);
        CheckPositive(failures, $"{Section}:SaveInterval", options.SaveInterval);
        CheckPositive(failures, $"{Section}:MaxRetryDelay", options.MaxRetryDelay);
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be a positive duration such as 00:00:05 (got {value}).");
        }
    }
}
