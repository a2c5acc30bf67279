namespace Aizu.Configuration.Tests;

internal sealed class GadgetOptionsValidator(string sectionPath) : SectionOptionsValidator<GadgetOptions>(sectionPath)
{
    protected override void Check(GadgetOptions options, List<string> failures)
    {
        if (options.Count < 1)
        {
            failures.Add($"{Key(nameof(GadgetOptions.Count))} must be at least 1; it is {options.Count}.");
        }

        if (string.IsNullOrWhiteSpace(options.Name))
        {
            failures.Add($"{Key(nameof(GadgetOptions.Name))} is required.");
        }
    }
}
