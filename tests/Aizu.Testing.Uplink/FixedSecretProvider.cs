namespace Aizu.Testing.Uplink;

/// <summary>A gateway secret (and outbox key) given by the test.</summary>
public sealed class FixedSecretProvider(byte[] secret) : IGatewaySecretProvider, IOutboxKeyProvider
{
    /// <inheritdoc />
    public ValueTask<ReadOnlyMemory<byte>> GetSecretAsync(CancellationToken cancellationToken) => ValueTask.FromResult<ReadOnlyMemory<byte>>(secret);

    /// <inheritdoc />
    public ValueTask<ReadOnlyMemory<byte>> GetKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult<ReadOnlyMemory<byte>>(secret);
}
