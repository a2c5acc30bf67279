namespace Aizu.Household;

internal sealed class HouseholdOptionsValidator() : SectionOptionsValidator<HouseholdOptions>(HouseholdOptions.SectionName)
{
    /// <inheritdoc />
    protected override void Check(HouseholdOptions options, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"{HouseholdOptions.SectionName}:{nameof(HouseholdOptions.TimeZone)} '{options.TimeZone}' is not a time zone this system knows; use an IANA id such as Asia/Tokyo or Europe/Amsterdam, or leave it unset to use the system's zone.");
        }

        if (options.District is { Length: > 0 } district && !Aizu.Wire.DistrictCodes.IsValid(district))
        {
            failures.Add($"{HouseholdOptions.SectionName}:{nameof(HouseholdOptions.District)} '{options.District}' is not a district code: up to 3 levels of a-z, 0-9 and '-' joined by '/', e.g. aizuwakamatsu/tsuruga.");
        }
    }
}
