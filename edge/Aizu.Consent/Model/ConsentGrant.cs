namespace Aizu.Consent;

/// <summary>
/// One immutable version of one grant: data category × granularity × purpose × recipient × transform
/// × validity. Any change of purpose, recipient, granularity or retention is a new version that needs a
/// fresh decision; the pair (<see cref="ConsentId"/>, <see cref="Version"/>) identifies what a message
/// was sent under (<c>consent-id@version</c>).
/// </summary>
/// <param name="ConsentId">Stable id of the consent across versions.</param>
/// <param name="Version">1, 2, … (a new version supersedes the previous one).</param>
/// <param name="Category">One of <see cref="DataCategories"/>.</param>
/// <param name="Granularity">One of <see cref="Aizu.Consent.Granularity"/>.</param>
/// <param name="Purpose">Purpose id from the city's catalogue (also the MQTT topic level).</param>
/// <param name="PurposeIri">DPV purpose IRI.</param>
/// <param name="Recipient">Who receives it (e.g. <c>city-energy-office</c>).</param>
/// <param name="OnwardSharing">Whether the recipient may pass it on; false unless stated.</param>
/// <param name="Transform">Minimisation applied before release.</param>
/// <param name="ValidFrom">Start of validity.</param>
/// <param name="ExpiresAt">End of validity (default 12 months after the decision).</param>
/// <param name="Status">Current status of this version.</param>
public sealed record ConsentGrant(
    string ConsentId,
    int Version,
    string Category,
    string Granularity,
    string Purpose,
    string PurposeIri,
    string Recipient,
    bool OnwardSharing,
    ValueTransform Transform,
    DateTimeOffset ValidFrom,
    DateTimeOffset ExpiresAt,
    ConsentStatus Status)
{
    /// <summary>
    /// Version of the city's catalogue entry for <see cref="Purpose"/> this version was decided under
    /// (0 when not known). Text-only edits of a purpose keep a grant; see docs/privacy.md.
    /// </summary>
    public int PurposeVersion { get; init; }

    /// <summary>
    /// How long the recipient may keep what it receives, as an ISO 8601 duration (e.g. <c>P24M</c>).
    /// Part of the terms: a change is a new version that needs a fresh decision.
    /// </summary>
    public string Retention { get; init; } = "";

    /// <summary>
    /// The household's district (<c>Aizu:Household:District</c> when it decided) shared with the recipient under
    /// this grant, or null (the default) when the household did not choose to share it. Part of the terms: a change
    /// is a new version that needs a fresh decision.
    /// </summary>
    public string? District { get; init; }

    /// <summary><c>consent-id@version</c>, stamped on every message sent under this grant.</summary>
    public string Reference => $"{ConsentId}@{Version}";

    /// <summary>True when this version allows release at <paramref name="at"/>: given or renewed, and within validity.</summary>
    public bool IsActiveAt(DateTimeOffset at) =>
        Status is ConsentStatus.Given or ConsentStatus.Renewed && at >= ValidFrom && at < ExpiresAt;
}
