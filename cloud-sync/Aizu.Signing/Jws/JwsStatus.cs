namespace Aizu.Signing;

/// <summary>The outcome class of checking a signed message.</summary>
public enum JwsStatus
{
    /// <summary>A trusted key's ES256 signature holds and the header follows every rule.</summary>
    Valid,

    /// <summary>Not a JWS compact serialisation at all: an unsigned message.</summary>
    NotSigned,

    /// <summary>A JWS, but not one that verifies with any trusted key (tampered, forged, wrong algorithm or header).</summary>
    BadSignature,
}
