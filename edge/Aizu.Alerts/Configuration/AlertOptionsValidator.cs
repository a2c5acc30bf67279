namespace Aizu.Alerts;

/// <summary>Refuses start-up with a message naming the key when <see cref="AlertOptions"/> cannot work.</summary>
public sealed class AlertOptionsValidator(string sectionPath) : SectionOptionsValidator<AlertOptions>(sectionPath)
{
    /// <inheritdoc />
    protected override void Check(AlertOptions options, List<string> failures)
    {
        string HouseholdKey(string property) => $"{Key(nameof(AlertOptions.Household))}:{property}";

        ValidateKey(options, failures, Key);

        if (string.IsNullOrWhiteSpace(options.KeyStateFile))
        {
            failures.Add($"{Key(nameof(AlertOptions.KeyStateFile))} must name the file where city key rotations are remembered.");
        }

        if (options.MaxMessageBytes is < 4096 or > 4 * 1024 * 1024)
        {
            failures.Add($"{Key(nameof(AlertOptions.MaxMessageBytes))} {options.MaxMessageBytes} must be between 4096 and 4194304.");
        }

        if (options.LifetimeWithoutExpiry < TimeSpan.FromMinutes(10) || options.LifetimeWithoutExpiry > TimeSpan.FromDays(7))
        {
            failures.Add($"{Key(nameof(AlertOptions.LifetimeWithoutExpiry))} {options.LifetimeWithoutExpiry} must be between 00:10:00 and 7.00:00:00.");
        }

        if (options.HistoryLength is < 1 or > 1000)
        {
            failures.Add($"{Key(nameof(AlertOptions.HistoryLength))} {options.HistoryLength} must be between 1 and 1000.");
        }

        var household = options.Household;
        if (household.Latitude.HasValue != household.Longitude.HasValue)
        {
            failures.Add($"{HouseholdKey(nameof(AlertPreferences.Latitude))} and {HouseholdKey(nameof(AlertPreferences.Longitude))} go together: set both or neither.");
        }

        if (household.Latitude is < -90 or > 90 || household.Longitude is < -180 or > 180)
        {
            failures.Add($"{HouseholdKey(nameof(AlertPreferences.Latitude))}/{nameof(AlertPreferences.Longitude)} must be WGS 84 decimal degrees (−90…90, −180…180).");
        }

        for (var i = 0; i < household.Geocodes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(household.Geocodes[i].Name) || string.IsNullOrWhiteSpace(household.Geocodes[i].Value))
            {
                failures.Add($"{HouseholdKey(nameof(AlertPreferences.Geocodes))}:{i} needs both Name (e.g. {CapParameterNames.Municipality}) and Value (e.g. 07202).");
            }
        }

        if (household.MinimumLevel is < 1 or > 4)
        {
            failures.Add($"{HouseholdKey(nameof(AlertPreferences.MinimumLevel))} {household.MinimumLevel} must be between 1 and 4: level 4 evacuation orders and above are always shown.");
        }

        for (var i = 0; i < household.Languages.Count; i++)
        {
            var tag = household.Languages[i];
            if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35 || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                failures.Add($"{HouseholdKey(nameof(AlertPreferences.Languages))}:{i} '{tag}' is not a language tag such as ja, ja-JP or en.");
            }
        }

        if (household.QuietHoursStart.HasValue != household.QuietHoursEnd.HasValue)
        {
            failures.Add($"{HouseholdKey(nameof(AlertPreferences.QuietHoursStart))} and {HouseholdKey(nameof(AlertPreferences.QuietHoursEnd))} go together: set both or neither.");
        }
    }

    private static void ValidateKey(AlertOptions options, List<string> failures, Func<string, string> key)
    {
        var hasPem = !string.IsNullOrWhiteSpace(options.CityKeyPem);
        var hasFile = !string.IsNullOrWhiteSpace(options.CityKeyFile);
        if (hasPem == hasFile)
        {
            failures.Add($"Set exactly one of {key(nameof(AlertOptions.CityKeyPem))} and {key(nameof(AlertOptions.CityKeyFile))}: the city's public key that alerts must be signed with.");
            return;
        }

        string pem;
        if (hasFile)
        {
            if (!File.Exists(options.CityKeyFile))
            {
                failures.Add($"{key(nameof(AlertOptions.CityKeyFile))} '{options.CityKeyFile}' does not exist.");
                return;
            }

            pem = File.ReadAllText(options.CityKeyFile);
        }
        else
        {
            pem = options.CityKeyPem;
        }

        try
        {
            using var parsed = P256Keys.ImportPublicHalfPem(pem);
            if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                failures.Add($"{key(hasFile ? nameof(AlertOptions.CityKeyFile) : nameof(AlertOptions.CityKeyPem))} holds a private key; a gateway must be given only the city's public key.");
            }
        }
        catch (FormatException exception)
        {
            failures.Add($"{key(hasFile ? nameof(AlertOptions.CityKeyFile) : nameof(AlertOptions.CityKeyPem))}: {exception.Message}");
        }
    }
}
