namespace Aizu.Panel;

internal sealed class PanelOptionsValidator(string sectionPath) : SectionOptionsValidator<PanelOptions>(sectionPath)
{
    /// <inheritdoc />
    protected override void Check(PanelOptions options, List<string> failures)
    {
        if (options.SessionLifetime < TimeSpan.FromMinutes(5) || options.SessionLifetime > TimeSpan.FromDays(400))
        {
            failures.Add($"{Key(nameof(PanelOptions.SessionLifetime))} '{options.SessionLifetime}' must be between 00:05:00 and 400.00:00:00 (d.hh:mm:ss).");
        }

        if (options.LoginAttemptsPerMinute is < 1 or > 100)
        {
            failures.Add($"{Key(nameof(PanelOptions.LoginAttemptsPerMinute))} '{options.LoginAttemptsPerMinute}' must be between 1 and 100.");
        }
    }
}
