using Microsoft.Extensions.Options;

namespace Aizu.Household;

internal sealed class HouseholdOptionsValidator : IValidateOptions<HouseholdOptions>
{
    public ValidateOptionsResult Validate(string? name, HouseholdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.TimeZone) || TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{HouseholdOptions.SectionName}:{nameof(HouseholdOptions.TimeZone)} '{options.TimeZone}' is not a time zone this system knows; use an IANA id such as Asia/Tokyo or Europe/Amsterdam, or leave it unset to use the system's zone.");
    }
}
