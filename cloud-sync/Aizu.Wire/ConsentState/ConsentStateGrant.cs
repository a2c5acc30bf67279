namespace Aizu.Wire;

/// <summary>One active grant in the consent state: its reference and exact terms, never a value.</summary>
/// <param name="Consent">The opaque reference of the consent version in this data set and period (the <c>consent-ref</c> of its data).</param>
/// <param name="Category">Data category.</param>
/// <param name="Granularity">Temporal granularity (ISO 8601 duration).</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="PurposeIri">The purpose's DPV IRI.</param>
/// <param name="Recipient">Recipient id.</param>
/// <param name="OnwardSharing">Whether the recipient may pass the data on.</param>
/// <param name="RoundTo">Rounding step applied before release (0: none).</param>
/// <param name="NoiseScale">Laplace noise scale applied before release (0: none).</param>
/// <param name="ValidFrom">Day (UTC) validity starts: the day of the household's decision, no finer.</param>
/// <param name="ExpiresAt">Day (UTC) validity ends.</param>
/// <param name="Retention">How long the recipient may keep the data (ISO 8601 duration).</param>
public sealed record ConsentStateGrant(
    string Consent,
    string Category,
    string Granularity,
    string Purpose,
    string PurposeIri,
    string Recipient,
    bool OnwardSharing,
    double RoundTo,
    double NoiseScale,
    DateOnly ValidFrom,
    DateOnly ExpiresAt,
    string Retention)
{
    /// <summary>
    /// The household's district (<see cref="DistrictCodes"/>), present only when the household chose to share it
    /// for this purpose; absent from the wire otherwise, so a household that did not is not located.
    /// </summary>
    public string? District { get; init; }
}
