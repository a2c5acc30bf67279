namespace Aizu.Consent;

/// <summary>
/// One purpose the city asks households to consent to, as published in its signed catalogue. The
/// description is the notice the household decides on: what data, at what granularity, for whom,
/// until when, and what it could reveal about the home.
/// </summary>
/// <param name="Id">Stable id, also an MQTT topic level: lower-case letters, digits and dashes.</param>
/// <param name="Version">Increases whenever the city changes the entry.</param>
/// <param name="Title">Short name.</param>
/// <param name="Description">Plain-language notice.</param>
/// <param name="Dpv">DPV purpose IRI (see <see cref="DpvPurposes"/>).</param>
/// <param name="Recipient">Who receives the data, e.g. <c>city-energy-office</c>.</param>
/// <param name="OnwardSharing">Whether the recipient passes the data on; then <see cref="ThirdParties"/> names to whom.</param>
/// <param name="Categories">Data categories it asks for (<see cref="DataCategories"/>).</param>
/// <param name="Granularities">Granularities it accepts, any of which the household may choose (<see cref="Granularity"/>).</param>
/// <param name="Retention">How long the recipient keeps the data, ISO 8601 duration (e.g. <c>P24M</c>).</param>
public sealed record Purpose(
    string Id,
    int Version,
    LocalizedText Title,
    LocalizedText Description,
    string Dpv,
    string Recipient,
    bool OnwardSharing,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Granularities,
    string Retention)
{
    /// <summary>Named onward recipients; required when <see cref="OnwardSharing"/> is true.</summary>
    public IReadOnlyList<string> ThirdParties { get; init; } = [];

    /// <summary>
    /// True when the purpose may ask the household to share its district as well (a separate, explicit choice on
    /// the consent card; never the default). Absent from the signed catalogue means it may not.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool AsksDistrict { get; init; }

    /// <summary>When the purpose (the project) ends; no grant lasts beyond it.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>
    /// How often the household's pseudonyms towards this purpose's recipient change (ISO 8601: <c>P1Y</c>, the
    /// default, or <c>P1M</c>), on the household calendar. Each period is a data set of its own that no field on
    /// the wire links to the previous one. A catalogue that does not name one (editions from before the field)
    /// means the default.
    /// </summary>
    public string PseudonymPeriod
    {
        get => pseudonymPeriod is { Length: > 0 } named ? named : PseudonymPeriods.Year;
        init => pseudonymPeriod = value;
    }

    private readonly string? pseudonymPeriod;

    /// <summary>True when <see cref="Dpv"/> is a research purpose (the only kind that may ask for 30-minute data).</summary>
    public bool IsResearch => DpvPurposes.IsResearch(Dpv);

    /// <summary>
    /// The granularity a request proposes: daily when the purpose accepts it (the household default),
    /// otherwise the coarsest it accepts.
    /// </summary>
    public string ProposedGranularity =>
        Granularities.Contains(Granularity.Default, StringComparer.Ordinal)
            ? Granularity.Default
            : Granularity.All.FirstOrDefault(g => Granularities.Contains(g, StringComparer.Ordinal)) ?? Granularity.Default;
}
