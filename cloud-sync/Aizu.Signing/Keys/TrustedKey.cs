namespace Aizu.Signing;

/// <summary>A public key whose ES256 signatures a verifier accepts, with its RFC 7638 thumbprint.</summary>
/// <param name="KeyId">The thumbprint (also the <c>kid</c> the signers write).</param>
/// <param name="Key">The P-256 public key. The caller owns it.</param>
public sealed record TrustedKey(string KeyId, ECDsa Key)
{
    /// <summary>Wraps <paramref name="key"/>, computing its thumbprint.</summary>
    public static TrustedKey From(ECDsa key) => new(JwkThumbprint.Of(key), key);
}
