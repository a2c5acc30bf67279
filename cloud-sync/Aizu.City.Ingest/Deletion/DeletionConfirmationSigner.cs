namespace Aizu.City.Ingest;

/// <summary>Signs deletion confirmations (ES256 JWS, the key's RFC 7638 thumbprint as <c>kid</c>) with the city's injected key.</summary>
public sealed class DeletionConfirmationSigner(ECDsa key)
{
    /// <summary>The compact JWS of <paramref name="confirmation"/>, as the bytes to publish.</summary>
    public byte[] Sign(DeletionConfirmationMessage confirmation) =>
        Encoding.ASCII.GetBytes(Es256Jws.Sign(DeletionConfirmationPayload.Write(confirmation), key, JwsHeader.Thumbprinted(key, contentType: JwsContentTypes.DeletionConfirmation)));
}
