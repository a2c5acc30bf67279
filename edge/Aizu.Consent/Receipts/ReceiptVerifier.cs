namespace Aizu.Consent;

/// <summary>
/// Checks a receipt offline with nothing but the gateway's public key: the household (or anyone it
/// shows the receipt to) needs neither the gateway nor the network.
/// </summary>
public static class ReceiptVerifier
{
    /// <summary>Verifies <paramref name="jws"/> (compact ES256) against <paramref name="publicKeyPem"/> (PEM, P-256).</summary>
    public static ReceiptVerification Verify(string? jws, string publicKeyPem)
    {
        if (!P256Keys.TryImportPublicPem(publicKeyPem, out var key, out var keyProblem))
        {
            return new ReceiptVerification(false, null, $"The public key is not usable: {keyProblem}");
        }

        using (key)
        {
            var signature = Es256Jws.Verify(jws?.Trim(), key!);
            if (!signature.IsValid)
            {
                return new ReceiptVerification(false, null, signature.Problem);
            }

            try
            {
                var receipt = JsonSerializer.Deserialize(signature.Payload.Span, ConsentJson.Default.ConsentReceipt);
                return receipt is { Version: ConsentReceipt.KantaraVersion }
                    ? new ReceiptVerification(true, receipt, null)
                    : new ReceiptVerification(false, null, "The signed document is not a Kantara v1.1 consent receipt.");
            }
            catch (JsonException exception)
            {
                return new ReceiptVerification(false, null, $"The signature holds but the content is not a consent receipt: {exception.Message}");
            }
        }
    }
}
