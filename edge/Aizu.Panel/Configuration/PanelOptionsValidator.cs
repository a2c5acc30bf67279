using Microsoft.Extensions.Options;

namespace Aizu.Panel;

internal sealed class PanelOptionsValidator(string sectionPath) : IValidateOptions<PanelOptions>
{
    public ValidateOptionsResult Validate(string? name, PanelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TimeZone) || TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"{sectionPath}:{nameof(PanelOptions.TimeZone)} '{options.TimeZone}' is not a time zone this system knows; use an IANA id such as Asia/Tokyo, or leave it unset to use the system's zone.");
    }
}
