namespace Aizu.City.Analysis;

/// <summary>Refuses start-up with a message naming the key when <see cref="AnalysisOptions"/> cannot work.</summary>
internal sealed class AnalysisOptionsValidator : IValidateOptions<AnalysisOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        static string Key(string property) => $"{AnalysisOptions.SectionName}:{property}";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Key(nameof(AnalysisOptions.ConnectionString))} must name the city's PostgreSQL database.");
        }

        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Key(nameof(AnalysisOptions.Url))} '{options.Url}' must be an http(s) URL.");
        }

        if (options.UtcOffset < TimeSpan.FromHours(-14) || options.UtcOffset > TimeSpan.FromHours(14) || options.UtcOffset.Seconds != 0)
        {
            failures.Add($"{Key(nameof(AnalysisOptions.UtcOffset))} {options.UtcOffset} must be whole minutes between -14:00 and 14:00.");
        }

        if (string.IsNullOrWhiteSpace(options.Category))
        {
            failures.Add($"{Key(nameof(AnalysisOptions.Category))} must name a data category.");
        }

        if (options.EpsilonBudget < 0)
        {
            failures.Add($"{Key(nameof(AnalysisOptions.EpsilonBudget))} {options.EpsilonBudget} must not be negative.");
        }

        if (options.ClipWh < 1)
        {
            failures.Add($"{Key(nameof(AnalysisOptions.ClipWh))} {options.ClipWh} must be at least 1 Wh.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
