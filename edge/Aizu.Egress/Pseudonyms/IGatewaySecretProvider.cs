namespace Aizu.Egress;

/// <summary>
/// Supplies the gateway's secret, from which the per-purpose household pseudonyms are derived. It
/// never leaves the gateway; whoever holds it can link the pseudonyms of all purposes and years.
/// </summary>
public interface IGatewaySecretProvider
{
    /// <summary>The secret (at least 16 bytes).</summary>
    ValueTask<ReadOnlyMemory<byte>> GetSecretAsync(CancellationToken cancellationToken);
}
