namespace Aizu.Consent;

/// <summary>
/// Supplies the gateway's own P-256 key pair, which signs the household's consent receipts. Injected so
/// tests (and a later TPM-backed key) can stand in for the file.
/// </summary>
public interface IGatewayKeyProvider
{
    /// <summary>The key pair. The provider owns it: callers must not dispose it.</summary>
    ValueTask<ECDsa> GetSigningKeyAsync(CancellationToken cancellationToken);
}
