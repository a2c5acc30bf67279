using Microsoft.Extensions.Options;

namespace Aizu.Storage;

/// <summary>
/// Checks <see cref="StorageOptions"/> at start-up so a missing path stops the gateway with a message
/// an installer can act on instead of failing at the first write.
/// </summary>
internal sealed class StorageOptionsValidator(string sectionPath) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = $"{sectionPath}:{nameof(StorageOptions.DatabasePath)}";

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            return ValidateOptionsResult.Fail(
                $"{key} is required: set it to the SQLite file that holds the readings, for example /var/lib/aizu/readings.db.");
        }

        if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0
            || Path.EndsInDirectorySeparator(options.DatabasePath))
        {
            return ValidateOptionsResult.Fail(
                $"{key} '{options.DatabasePath}' is not a usable file path.");
        }

        return ValidateOptionsResult.Success;
    }
}
