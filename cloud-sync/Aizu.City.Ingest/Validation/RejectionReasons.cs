namespace Aizu.City.Ingest;

/// <summary>Why a message was refused: the label of <c>aizu_city_ingest_rejected_total</c> and of the status lists.</summary>
public static class RejectionReasons
{
    /// <summary>The payload is larger than the limit.</summary>
    public const string TooLarge = "too-large";

    /// <summary>The topic is not a data or consent topic of the contract.</summary>
    public const string BadTopic = "bad-topic";

    /// <summary>A user property the contract requires is missing or disagrees with the topic or payload.</summary>
    public const string BadProperties = "bad-properties";

    /// <summary>The schema id is not one this ingest stores.</summary>
    public const string UnsupportedSchema = "unsupported-schema";

    /// <summary>The payload is not JSON (or not UTF-8).</summary>
    public const string BadJson = "bad-json";

    /// <summary>The payload is JSON but not the contract's SenML record (or names another data set).</summary>
    public const string BadSenml = "bad-senml";

    /// <summary>The unit is not Wh.</summary>
    public const string WrongUnit = "wrong-unit";

    /// <summary>The window's length is not an ISO 8601 duration.</summary>
    public const string BadWindow = "bad-window";

    /// <summary>The window ends in the future.</summary>
    public const string FutureWindow = "future-window";

    /// <summary>The value is negative.</summary>
    public const string BadValue = "bad-value";

    /// <summary>No consent state ever named the consent reference.</summary>
    public const string UnknownConsent = "unknown-consent";

    /// <summary>The consent was withdrawn (or revoked) before the window ended.</summary>
    public const string WithdrawnConsent = "withdrawn-consent";

    /// <summary>The window ends after the consent's expiry.</summary>
    public const string ExpiredConsent = "expired-consent";

    /// <summary>The window starts before the consent's validity.</summary>
    public const string NotYetValidConsent = "not-yet-valid-consent";

    /// <summary>The consent is for another purpose.</summary>
    public const string WrongPurpose = "wrong-purpose";

    /// <summary>The consent is for another data category.</summary>
    public const string WrongCategory = "wrong-category";

    /// <summary>The consent is for another granularity.</summary>
    public const string WrongGranularity = "wrong-granularity";

    /// <summary>The consent names another recipient.</summary>
    public const string WrongRecipient = "wrong-recipient";

    /// <summary>The data set was deleted on the household's request after this window.</summary>
    public const string DeletedDataSet = "deleted-data-set";

    /// <summary>A consent state or deletion request that cannot be read.</summary>
    public const string BadConsentMessage = "bad-consent-message";

    /// <summary>
    /// A consent state or deletion request on a one-level scope (<c>aizu/v1/consent/{gw}</c>, before the per-data-set
    /// wire): it names the gateway, not a data set, so it is not read.
    /// </summary>
    public const string LegacyConsentScope = "legacy-consent-scope";
}
