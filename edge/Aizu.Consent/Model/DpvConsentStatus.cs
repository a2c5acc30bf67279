namespace Aizu.Consent;

/// <summary>The W3C DPV consent status IRI of each <see cref="ConsentStatus"/>, for receipts and the city.</summary>
public static class DpvConsentStatus
{
    /// <summary>The IRI of <paramref name="status"/>.</summary>
    public static string IriOf(ConsentStatus status) => DpvPurposes.Namespace + status switch
    {
        ConsentStatus.Requested => "ConsentRequested",
        ConsentStatus.Deferred => "ConsentRequestDeferred",
        ConsentStatus.Refused => "ConsentRefused",
        ConsentStatus.Given => "ConsentGiven",
        ConsentStatus.Renewed => "RenewedConsentGiven",
        ConsentStatus.Expired => "ConsentExpired",
        ConsentStatus.Withdrawn => "ConsentWithdrawn",
        ConsentStatus.Revoked => "ConsentRevoked",
        _ => "ConsentUnknown",
    };
}
