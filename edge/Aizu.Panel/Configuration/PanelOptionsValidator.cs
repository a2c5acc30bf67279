using Microsoft.Extensions.Options;

namespace Aizu.Panel;

internal sealed class PanelOptionsValidator(string sectionPath) : IValidateOptions<PanelOptions>
{
    public ValidateOptionsResult Validate(string? name, PanelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SessionLifetime < TimeSpan.FromMinutes(5) || options.SessionLifetime > TimeSpan.FromDays(400))
        {
            failures.Add($"{sectionPath}:{nameof(PanelOptions.SessionLifetime)} '{options.SessionLifetime}' must be between 00:05:00 and 400.00:00:00 (d.hh:mm:ss).");
        }

        if (options.LoginAttemptsPerMinute is < 1 or > 100)
        {
            failures.Add($"{sectionPath}:{nameof(PanelOptions.LoginAttemptsPerMinute)} '{options.LoginAttemptsPerMinute}' must be between 1 and 100.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
