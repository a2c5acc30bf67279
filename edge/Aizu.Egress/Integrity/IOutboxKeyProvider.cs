namespace Aizu.Egress;

/// <summary>
/// Supplies the key the egress decision is sealed with (<see cref="OutboxSeal"/>). It lives outside the
/// database, so whoever can edit the database but not read the key cannot add or change an outbox row
/// that the outbox will send.
/// </summary>
public interface IOutboxKeyProvider
{
    /// <summary>The key (at least 16 bytes).</summary>
    ValueTask<ReadOnlyMemory<byte>> GetKeyAsync(CancellationToken cancellationToken);
}
