namespace Aizu.Hardware.BRoute;

/// <summary>Checks <see cref="BRouteOptions"/> at start-up; each message names the key to fix.</summary>
public sealed class BRouteOptionsValidator() : SectionOptionsValidator<BRouteOptions>(BRouteOptions.SectionName)
{
    /// <inheritdoc />
    protected override void Check(BRouteOptions options, List<string> failures)
    {
        const string Section = BRouteOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.DevicePath))
        {
            failures.Add($"{Section}:DevicePath is empty: set it to the dongle's serial device, e.g. /dev/ttyUSB0.");
        }

        if (options.RouteBId.Length != 32 || !options.RouteBId.All(char.IsAsciiLetterOrDigit))
        {
            failures.Add($"{Section}:RouteBId must be the 32-character B-route ID from your utility (got {options.RouteBId.Length} characters).");
        }

        if (options.Password.Length != 12 || !options.Password.All(c => c is > ' ' and <= '~'))
        {
            failures.Add($"{Section}:Password must be the 12-character B-route password from your utility (got {options.Password.Length} characters).");
        }

        CheckPositive(failures, $"{Section}:PowerInterval", options.PowerInterval);
        CheckPositive(failures, $"{Section}:EnergyInterval", options.EnergyInterval);
        CheckPositive(failures, $"{Section}:ResponseTimeout", options.ResponseTimeout);
        CheckPositive(failures, $"{Section}:CommandTimeout", options.CommandTimeout);
        CheckPositive(failures, $"{Section}:JoinTimeout", options.JoinTimeout);
        CheckPositive(failures, $"{Section}:MaxRetryDelay", options.MaxRetryDelay);
        if (options.MaxMissedResponses < 1)
        {
            failures.Add($"{Section}:MaxMissedResponses must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(options.PanCachePath))
        {
            failures.Add($"{Section}:PanCachePath is empty.");
        }
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be a positive duration such as 00:00:05 (got {value}).");
        }
    }
}
