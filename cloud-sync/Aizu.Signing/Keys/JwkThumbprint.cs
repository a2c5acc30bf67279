namespace Aizu.Signing;

/// <summary>
/// RFC 7638 JWK thumbprint of a P-256 public key: SHA-256 over the canonical JWK
/// <c>{"crv":"P-256","kty":"EC","x":…,"y":…}</c>, base64url. It names a key (the JWS <c>kid</c>, log
/// lines, the gateway's pseudonymous principal) without revealing anything else, and anyone holding the
/// public key can recompute it.
/// </summary>
public static class JwkThumbprint
{
    /// <summary>The thumbprint of <paramref name="key"/>'s public half.</summary>
    public static string Of(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var point = key.ExportParameters(includePrivateParameters: false).Q;

        // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
        var json = $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url.EncodeToString(point.X)}}","y":"{{Base64Url.EncodeToString(point.Y)}}"}""";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
