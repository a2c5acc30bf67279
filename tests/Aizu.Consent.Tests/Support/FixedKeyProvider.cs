namespace Aizu.Consent.Tests;

/// <summary>A gateway key held in memory, so tests know the key that signs receipts.</summary>
internal sealed class FixedKeyProvider(ECDsa key) : IGatewayKeyProvider
{
    public ECDsa Key => key;

    public ValueTask<ECDsa> GetSigningKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(key);
}
