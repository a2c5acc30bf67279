namespace Aizu.Panel;

/// <summary>One purpose from the city's catalogue, as the household decides on it.</summary>
/// <param name="Id">Purpose id.</param>
/// <param name="Version">Catalogue version of the purpose.</param>
/// <param name="Title">Short name (ja, en).</param>
/// <param name="Description">The city's plain-language notice (ja, en).</param>
/// <param name="Dpv">DPV purpose IRI.</param>
/// <param name="Research">True for research purposes (the only ones that may ask for 30-minute data).</param>
/// <param name="Recipient">Who receives the data.</param>
/// <param name="OnwardSharing">Whether the recipient passes it on (to <paramref name="ThirdParties"/>).</param>
/// <param name="ThirdParties">Named onward recipients.</param>
/// <param name="Categories">Data categories it asks for.</param>
/// <param name="Granularities">Granularities the household may choose from, coarsest first (never finer than 30 minutes; 30 minutes only for research).</param>
/// <param name="ProposedGranularity">What a request proposes (daily when offered).</param>
/// <param name="Retention">How long the recipient keeps the data (ISO 8601 duration).</param>
/// <param name="ValidUntil">When the project ends, or null.</param>
/// <param name="DefaultMonths">How long a grant lasts unless the household chooses less (12; 6 for 30-minute data).</param>
internal sealed record ConsentPurposeItem(
    string Id,
    int Version,
    LocalizedText Title,
    LocalizedText Description,
    string Dpv,
    bool Research,
    string Recipient,
    bool OnwardSharing,
    IReadOnlyList<string> ThirdParties,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Granularities,
    string ProposedGranularity,
    string Retention,
    DateTimeOffset? ValidUntil,
    int DefaultMonths)
{
    /// <summary>True when the purpose may ask for the household's district as a separate choice.</summary>
    public bool AsksDistrict { get; init; }
}
