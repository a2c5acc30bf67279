namespace Aizu.Ingest;

internal sealed class IngestOptionsValidator(string sectionPath) : IValidateOptions<IngestOptions>
{
    // Beyond this a Pi's memory, not the channel, becomes the limit.
    private const int MaxCapacity = 1_000_000;

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ChannelCapacity is < 1 or > MaxCapacity
            ? ValidateOptionsResult.Fail(
                $"{sectionPath}:{nameof(IngestOptions.ChannelCapacity)} is {options.ChannelCapacity}; it must be between 1 and {MaxCapacity} readings.")
            : ValidateOptionsResult.Success;
    }
}
