using System.Security.Cryptography;

namespace Aizu.Alerts;

/// <summary>A city public key the gateway accepts signatures from, with its RFC 7638 thumbprint.</summary>
/// <param name="KeyId">The thumbprint (also the JWS <c>kid</c> the city's tool writes).</param>
/// <param name="Key">The P-256 public key.</param>
public sealed record TrustedKey(string KeyId, ECDsa Key)
{
    /// <summary>Wraps <paramref name="key"/>, computing its thumbprint.</summary>
    public static TrustedKey From(ECDsa key) => new(P256Pem.Thumbprint(key), key);
}
