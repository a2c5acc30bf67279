namespace Aizu.Consent;

/// <summary>
/// Fixed privacy rules of the gateway (docs/privacy.md). They are constants on purpose: a household
/// protection that a configuration file could loosen would not be one.
/// </summary>
public static class ConsentPolicy
{
    /// <summary>How long a grant lasts unless the household chooses a shorter time: 12 months.</summary>
    public const int DefaultValidityMonths = 12;

    /// <summary>Research grants (30-minute data) last 6 months by default; their data reveals the most.</summary>
    public const int ResearchValidityMonths = 6;

    /// <summary>No grant may last longer than 12 months without being renewed.</summary>
    public const int MaxValidityMonths = 12;

    /// <summary>The finest granularity anything may ever be released at.</summary>
    public static TimeSpan FinestGranularity { get; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// When a grant made at <paramref name="decidedAt"/> ends: <paramref name="expiresIn"/> if given,
    /// otherwise 12 months (6 for research granularity), never past <paramref name="purposeEnds"/>.
    /// </summary>
    public static DateTimeOffset ExpiryFor(DateTimeOffset decidedAt, string granularity, TimeSpan? expiresIn, DateTimeOffset? purposeEnds)
    {
        var expiresAt = expiresIn is { } span
            ? decidedAt + span
            : decidedAt.AddMonths(string.Equals(granularity, Granularity.HalfHour, StringComparison.Ordinal)
                ? ResearchValidityMonths
                : DefaultValidityMonths);
        return purposeEnds is { } end && end < expiresAt ? end : expiresAt;
    }

    /// <summary>The minimisation a request proposes for <paramref name="category"/>: what makes sense in its unit.</summary>
    public static ValueTransform DefaultTransformFor(string category) => category switch
    {
        // Whole degrees, percent and ppm are enough for a district picture.
        DataCategories.IndoorEnvironmentSummary => new ValueTransform(RoundTo: 1),

        // An acknowledgement carries no value to round.
        DataCategories.AlertAcknowledgement => new ValueTransform(RoundTo: 0),

        // Energy in Wh: 100 Wh steps.
        _ => ValueTransform.Default,
    };
}
