namespace Aizu.Consent;

/// <summary>
/// A consent receipt: the household's own signed copy of one decision. Fields follow Kantara Consent
/// Receipt v1.1 (names as in its JSON schema) with the ISO/IEC TS 27560 event and terms in
/// <see cref="Consent"/>. Signed by the gateway as JWS ES256; see <see cref="ReceiptVerifier"/>.
/// </summary>
/// <param name="Version"><c>KI-CR-v1.1.0</c>.</param>
/// <param name="Jurisdiction"><c>JP</c>.</param>
/// <param name="ConsentTimestamp">When the decision was recorded, seconds since the Unix epoch.</param>
/// <param name="CollectionMethod">How consent was collected.</param>
/// <param name="ConsentReceiptId">Unique id of this receipt (UUID).</param>
/// <param name="Language">Language of the texts, <c>ja</c> (English follows in brackets).</param>
/// <param name="PiiPrincipalId">The household's pseudonym; never a name.</param>
/// <param name="PiiControllers">Who is responsible for the data.</param>
/// <param name="PolicyUrl">The controller's privacy policy.</param>
/// <param name="Services">The purpose decided on.</param>
/// <param name="Sensitive">False: energy data is not special-category data (要配慮個人情報) under APPI.</param>
/// <param name="SpiCat">Sensitive categories: none.</param>
/// <param name="Consent">The event and the exact terms.</param>
public sealed record ConsentReceipt(
    string Version,
    string Jurisdiction,
    long ConsentTimestamp,
    string CollectionMethod,
    [property: JsonPropertyName("consentReceiptID")] string ConsentReceiptId,
    string Language,
    string PiiPrincipalId,
    IReadOnlyList<ReceiptController> PiiControllers,
    string PolicyUrl,
    IReadOnlyList<ReceiptService> Services,
    bool Sensitive,
    IReadOnlyList<string> SpiCat,
    ReceiptRecord Consent)
{
    /// <summary>The Kantara specification version written in <see cref="Version"/>.</summary>
    public const string KantaraVersion = "KI-CR-v1.1.0";

    /// <summary>The JWS <c>typ</c> of a signed receipt.</summary>
    public const string MediaType = "JWT";
}
