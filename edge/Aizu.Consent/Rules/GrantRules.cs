using IsoDuration = Aizu.Wire.IsoDuration;

namespace Aizu.Consent;

/// <summary>
/// What may be granted. Each check returns null when the value is acceptable, otherwise a message a
/// household can act on; the consent service throws it as a <see cref="ConsentException"/>, the
/// catalogue service refuses a catalogue with it, and the panel can show it before submitting.
/// </summary>
public static class GrantRules
{
    private static readonly string Offered = $"choose one of {Granularity.Month} (month), {Granularity.Day} (day, the default), {Granularity.Hour} (hour) or {Granularity.HalfHour} (30 minutes, research only)";

    /// <summary>Checks that <paramref name="category"/> exists and is grantable at all.</summary>
    public static string? CheckCategory(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return $"A data category is required: one of {string.Join(", ", DataCategories.All)}.";
        }

        if (DataCategories.IsKnown(category))
        {
            return null;
        }

        // Named specifically because it is the data that reveals the most (appliances, presence, TV
        // programmes): the message must say it is a rule, not a typo.
        if (category.Contains("instant", StringComparison.OrdinalIgnoreCase)
            || category.EndsWith(".power", StringComparison.OrdinalIgnoreCase)
            || category.EndsWith(".current", StringComparison.OrdinalIgnoreCase))
        {
            return $"Data category '{category}' is instantaneous power or current, which never leaves the gateway: no grant can name it. Grantable categories: {string.Join(", ", DataCategories.All)}.";
        }

        return $"Unknown data category '{category}'. Grantable categories: {string.Join(", ", DataCategories.All)}.";
    }

    /// <summary>Checks that <paramref name="granularity"/> is one the gateway offers; anything under 30 minutes is refused.</summary>
    public static string? CheckGranularity(string? granularity)
    {
        if (string.IsNullOrWhiteSpace(granularity))
        {
            return $"A granularity is required: {Offered}.";
        }

        if (!IsoDuration.TryParse(granularity, out var duration))
        {
            return $"Granularity '{granularity}' is not an ISO 8601 duration; {Offered}.";
        }

        if (duration.IsZero || duration.IsShorterThan(ConsentPolicy.FinestGranularity))
        {
            return $"Granularity '{granularity}' is finer than 30 minutes. Instantaneous values and anything finer than {Granularity.HalfHour} never leave the gateway; {Offered}.";
        }

        return Granularity.IsKnown(granularity)
            ? null
            : $"Granularity '{granularity}' is not offered; {Offered}.";
    }

    /// <summary>Checks that 30-minute data is asked for only by a research purpose.</summary>
    public static string? CheckResearchOnly(string purposeId, string purposeIri, string granularity) =>
        string.Equals(granularity, Granularity.HalfHour, StringComparison.Ordinal) && !DpvPurposes.IsResearch(purposeIri)
            ? $"{Granularity.HalfHour} (30-minute data) is for research purposes only, and purpose '{purposeId}' ({purposeIri}) is not research; choose {Granularity.Hour} or coarser."
            : null;

    /// <summary>Checks a value transform: finite, non-negative rounding step and noise scale.</summary>
    public static string? CheckTransform(ValueTransform? transform)
    {
        if (transform is null)
        {
            return null;
        }

        if (!double.IsFinite(transform.RoundTo) || transform.RoundTo < 0)
        {
            return $"The rounding step {transform.RoundTo} is not usable: it must be 0 (no rounding) or a positive number in the value's unit.";
        }

        return !double.IsFinite(transform.NoiseScale) || transform.NoiseScale < 0
            ? $"The noise scale {transform.NoiseScale} is not usable: it must be 0 (no noise) or a positive number in the value's unit."
            : null;
    }

    /// <summary>Checks a chosen validity: positive and at most 12 months.</summary>
    public static string? CheckValidity(DateTimeOffset decidedAt, TimeSpan? expiresIn)
    {
        if (expiresIn is not { } span)
        {
            return null;
        }

        if (span <= TimeSpan.Zero)
        {
            return $"A grant must last a positive time; {span} is not.";
        }

        return decidedAt + span > decidedAt.AddMonths(ConsentPolicy.MaxValidityMonths)
            ? $"A grant lasts at most {ConsentPolicy.MaxValidityMonths} months; renew it when it ends rather than granting for longer."
            : null;
    }

    /// <summary>
    /// Why <paramref name="district"/> cannot be shared under a grant for <paramref name="purpose"/>, or null: only a
    /// purpose whose catalogue entry asks for it, and only a district code. Null (not shared) is always fine.
    /// </summary>
    public static string? CheckDistrict(Purpose purpose, string? district)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        if (district is null)
        {
            return null;
        }

        if (!purpose.AsksDistrict)
        {
            return $"Purpose '{purpose.Id}' does not ask for your district; it is not shared.";
        }

        return Aizu.Wire.DistrictCodes.IsValid(district)
            ? null
            : $"'{district}' is not a district code (levels of a-z, 0-9 and '-' joined by '/', e.g. aizuwakamatsu/tsuruga).";
    }

    /// <summary>
    /// Checks that the household may grant <paramref name="category"/> at <paramref name="granularity"/>
    /// for <paramref name="purpose"/> at <paramref name="decidedAt"/>: both grantable, both asked for by
    /// the purpose, research-only rules, transform and validity.
    /// </summary>
    public static string? CheckGrant(
        Purpose purpose, string category, string granularity, ValueTransform? transform, TimeSpan? expiresIn, DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var problem = CheckCategory(category) ?? CheckGranularity(granularity);
        if (problem is not null)
        {
            return problem;
        }

        if (!purpose.Categories.Contains(category, StringComparer.Ordinal))
        {
            return $"Purpose '{purpose.Id}' does not ask for {category}; it asks for {string.Join(", ", purpose.Categories)}.";
        }

        if (!purpose.Granularities.Contains(granularity, StringComparer.Ordinal))
        {
            return $"Purpose '{purpose.Id}' does not accept {granularity}; it accepts {string.Join(", ", purpose.Granularities)}.";
        }

        if (purpose.ValidUntil is { } end && end <= decidedAt)
        {
            return $"Purpose '{purpose.Id}' ended on {end:yyyy-MM-dd}; it can no longer be granted.";
        }

        return CheckResearchOnly(purpose.Id, purpose.Dpv, granularity)
            ?? CheckTransform(transform)
            ?? CheckValidity(decidedAt, expiresIn);
    }

    /// <summary>
    /// True when <paramref name="purpose"/> still permits exactly the terms <paramref name="grant"/> was
    /// decided on. When it does not, the city changed something material (purpose IRI, recipient,
    /// onward sharing, retention, category or granularity) and the grant needs a fresh decision.
    /// Text-only edits of the title or description keep the grant.
    /// </summary>
    public static bool PermitsTerms(Purpose purpose, ConsentGrant grant)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(grant);
        return string.Equals(purpose.Id, grant.Purpose, StringComparison.Ordinal)
            && string.Equals(purpose.Dpv, grant.PurposeIri, StringComparison.Ordinal)
            && string.Equals(purpose.Recipient, grant.Recipient, StringComparison.Ordinal)
            && purpose.OnwardSharing == grant.OnwardSharing
            && string.Equals(purpose.Retention, grant.Retention, StringComparison.Ordinal)
            && purpose.Categories.Contains(grant.Category, StringComparer.Ordinal)
            && purpose.Granularities.Contains(grant.Granularity, StringComparer.Ordinal)
            && (purpose.ValidUntil is not { } end || grant.ExpiresAt <= end);
    }
}
