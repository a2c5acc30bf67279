namespace Aizu.Configuration;

/// <summary>
/// Checks options at start-up and refuses them with every problem at once, each message naming the key
/// under <paramref name="sectionPath"/> that an installer has to fix.
/// </summary>
public abstract class SectionOptionsValidator<TOptions>(string sectionPath) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <summary>The configuration path the options were bound from, such as <c>Aizu:Storage</c>.</summary>
    protected string SectionPath => sectionPath;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The full key of <paramref name="property"/>, as an installer writes it.</summary>
    protected string Key(string property) => $"{sectionPath}:{property}";

    /// <summary>Adds one sentence to <paramref name="failures"/> for each problem with <paramref name="options"/>.</summary>
    protected abstract void Check(TOptions options, List<string> failures);
}
