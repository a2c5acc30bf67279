using IsoDuration = Aizu.Wire.IsoDuration;

namespace Aizu.Consent;

/// <summary>
/// Checks a signed catalogue's content before anything is asked of the household. A catalogue with one
/// bad purpose is refused whole: the city gets one clear message instead of a partly applied list,
/// and the previous catalogue stays in force.
/// </summary>
internal static class CatalogueRules
{
    private const int MaxIdLength = 64;

    public static string? Check(PurposeCatalogue? catalogue)
    {
        if (catalogue is null)
        {
            return "The catalogue is empty.";
        }

        if (string.IsNullOrWhiteSpace(catalogue.Issuer))
        {
            return "The catalogue names no issuer.";
        }

        if (catalogue.Sequence < 1)
        {
            return $"The catalogue's sequence is {catalogue.Sequence}; it must be 1 or more.";
        }

        if (!IsWebAddress(catalogue.PolicyUrl))
        {
            return $"The catalogue's policyUrl '{catalogue.PolicyUrl}' is not an http(s) address.";
        }

        if (catalogue.Controller is null || string.IsNullOrWhiteSpace(catalogue.Controller.Name))
        {
            return "The catalogue names no controller.";
        }

        if (catalogue.Purposes is null)
        {
            return "The catalogue has no purposes list.";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var purpose in catalogue.Purposes)
        {
            var problem = purpose is null ? "A purpose entry is empty." : CheckPurpose(purpose);
            if (problem is not null)
            {
                return problem;
            }

            if (!seen.Add(purpose!.Id))
            {
                return $"Purpose '{purpose.Id}' appears twice.";
            }
        }

        return null;
    }

    private static string? CheckPurpose(Purpose purpose)
    {
        if (!IsId(purpose.Id))
        {
            return $"Purpose id '{purpose.Id}' is not usable: 1–{MaxIdLength} lower-case letters, digits and dashes (it becomes an MQTT topic level).";
        }

        var name = $"Purpose '{purpose.Id}'";
        if (purpose.Version < 1)
        {
            return $"{name} has version {purpose.Version}; it must be 1 or more.";
        }

        if (IsBlank(purpose.Title) || IsBlank(purpose.Description))
        {
            return $"{name} needs a title and a plain-language description in both Japanese and English.";
        }

        if (!Uri.TryCreate(purpose.Dpv, UriKind.Absolute, out _))
        {
            return $"{name} has no DPV purpose IRI (dpv '{purpose.Dpv}').";
        }

        if (string.IsNullOrWhiteSpace(purpose.Recipient))
        {
            return $"{name} names no recipient.";
        }

        if (purpose.OnwardSharing && (purpose.ThirdParties is not { Count: > 0 } || purpose.ThirdParties.Any(string.IsNullOrWhiteSpace)))
        {
            return $"{name} shares data onward but does not name the third parties.";
        }

        if (!IsoDuration.TryParse(purpose.Retention, out var retention) || retention.IsZero)
        {
            return $"{name} has no usable retention period ('{purpose.Retention}'; an ISO 8601 duration such as P24M).";
        }

        if (!PseudonymPeriods.IsKnown(purpose.PseudonymPeriod))
        {
            return $"{name} asks for pseudonym period '{purpose.PseudonymPeriod}'; only {string.Join(" or ", PseudonymPeriods.All)} are allowed.";
        }

        if (purpose.Categories is not { Count: > 0 } || purpose.Granularities is not { Count: > 0 })
        {
            return $"{name} must list the data categories and granularities it asks for.";
        }

        foreach (var category in purpose.Categories)
        {
            if (GrantRules.CheckCategory(category) is { } problem)
            {
                return $"{name}: {problem}";
            }
        }

        foreach (var granularity in purpose.Granularities)
        {
            var problem = GrantRules.CheckGranularity(granularity) ?? GrantRules.CheckResearchOnly(purpose.Id, purpose.Dpv, granularity);
            if (problem is not null)
            {
                return $"{name}: {problem}";
            }
        }

        return null;
    }

    private static bool IsBlank(LocalizedText? text) =>
        text is null || string.IsNullOrWhiteSpace(text.Ja) || string.IsNullOrWhiteSpace(text.En);

    private static bool IsId(string? id) =>
        id is { Length: >= 1 and <= MaxIdLength }
        && (char.IsAsciiLetterLower(id[0]) || char.IsAsciiDigit(id[0]))
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsWebAddress(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
