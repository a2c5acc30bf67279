namespace Aizu.Consent;

/// <summary>
/// Checks <see cref="ConsentOptions"/> at start-up so a mistake stops the gateway with a message naming
/// the key, instead of surfacing as a refused catalogue or an unsigned receipt later.
/// </summary>
internal sealed class ConsentOptionsValidator(string sectionPath) : SectionOptionsValidator<ConsentOptions>(sectionPath)
{
    /// <inheritdoc />
    protected override void Check(ConsentOptions options, List<string> failures)
    {

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add($"{Key(nameof(ConsentOptions.DatabasePath))} is required: the host sets it to the reading store's file (Aizu:Storage:DatabasePath).");
        }
        else if (!IsFilePath(options.DatabasePath))
        {
            failures.Add($"{Key(nameof(ConsentOptions.DatabasePath))} '{options.DatabasePath}' is not a usable file path.");
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKeyPath) && !IsFilePath(options.SigningKeyPath))
        {
            failures.Add($"{Key(nameof(ConsentOptions.SigningKeyPath))} '{options.SigningKeyPath}' is not a usable file path.");
        }

        if (!string.IsNullOrWhiteSpace(options.CityPublicKeyPem) && P256Keys.PublicPemProblem(options.CityPublicKeyPem) is { } problem)
        {
            failures.Add($"{Key(nameof(ConsentOptions.CityPublicKeyPem))} is not the city's P-256 public key: {problem}");
        }

        if (string.IsNullOrWhiteSpace(options.CollectionMethod))
        {
            failures.Add($"{Key(nameof(ConsentOptions.CollectionMethod))} must say how consent is collected; it is printed on every receipt.");
        }

        CheckRange(failures, Key(nameof(ConsentOptions.ExpiryCheckInterval)), options.ExpiryCheckInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        CheckRange(failures, Key(nameof(ConsentOptions.ChangePollInterval)), options.ChangePollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        CheckRange(failures, Key(nameof(ConsentOptions.DeferUnansweredAfter)), options.DeferUnansweredAfter, TimeSpan.FromDays(1), TimeSpan.FromDays(365));

    }

    private static void CheckRange(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} is {value}; it must be between {min} and {max}.");
        }
    }

    private static bool IsFilePath(string path) =>
        path.IndexOfAny(Path.GetInvalidPathChars()) < 0 && !Path.EndsInDirectorySeparator(path);
}
