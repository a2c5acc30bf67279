using Aizu.Egress;

namespace Aizu.Testing.Uplink;

/// <summary>A gateway secret given by the test.</summary>
public sealed class FixedSecretProvider(byte[] secret) : IGatewaySecretProvider
{
    /// <inheritdoc />
    public ValueTask<ReadOnlyMemory<byte>> GetSecretAsync(CancellationToken cancellationToken) => ValueTask.FromResult<ReadOnlyMemory<byte>>(secret);
}
