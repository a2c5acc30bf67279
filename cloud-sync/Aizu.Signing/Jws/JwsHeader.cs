namespace Aizu.Signing;

/// <summary>
/// The optional members a signer puts in the protected header next to <c>alg</c> (always ES256), written
/// in this order: <c>kid</c>, <c>typ</c>, <c>cty</c>.
/// </summary>
/// <param name="KeyId"><c>kid</c>: by convention the RFC 7638 thumbprint of the signing key.</param>
/// <param name="Type"><c>typ</c>, e.g. <c>JWT</c> for consent receipts and catalogues.</param>
/// <param name="ContentType"><c>cty</c>: what the payload is, where a verifier must tell kinds apart (alerts, key updates).</param>
public sealed record JwsHeader(string? KeyId = null, string? Type = null, string? ContentType = null)
{
    /// <summary>A header naming <paramref name="key"/> by its RFC 7638 thumbprint, as every Aizu signer does.</summary>
    public static JwsHeader Thumbprinted(ECDsa key, string? type = null, string? contentType = null) => new(JwkThumbprint.Of(key), type, contentType);
}
