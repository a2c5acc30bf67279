namespace Aizu.Consent;

/// <summary>One purpose of a service on a Kantara Consent Receipt v1.1 (<c>services[].purposes[]</c>).</summary>
/// <param name="Purpose">What the data is used for, in the words of the city's catalogue.</param>
/// <param name="ConsentType"><c>EXPLICIT</c>: the household decided item by item.</param>
/// <param name="PurposeCategory">Purpose categories; here the DPV purpose IRI.</param>
/// <param name="PiiCategory">What data: the category and its granularity.</param>
/// <param name="PrimaryPurpose">False: the gateway works without any grant.</param>
/// <param name="Termination">When and how the consent ends, and how long the recipient keeps the data.</param>
/// <param name="ThirdPartyDisclosure">True when the recipient passes the data on.</param>
/// <param name="ThirdPartyName">To whom, when it does.</param>
public sealed record ReceiptPurpose(
    string Purpose,
    string ConsentType,
    IReadOnlyList<string> PurposeCategory,
    IReadOnlyList<string> PiiCategory,
    bool PrimaryPurpose,
    string Termination,
    bool ThirdPartyDisclosure,
    string? ThirdPartyName = null);
