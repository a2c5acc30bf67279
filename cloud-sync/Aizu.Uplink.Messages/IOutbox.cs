namespace Aizu.Uplink.Messages;

/// <summary>
/// The durable queue between the egress policy and the uplink. Messages leave in the order they were
/// committed; one stays until the broker acknowledges it with a success reason code.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// The oldest message that may be sent now, or null when none is due. The outbox re-checks the
    /// consent a message was made under: a message whose grant is no longer active is dropped here
    /// and never returned.
    /// </summary>
    Task<UplinkMessage?> GetNextDueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Completes when a message may be due: at once if one is, otherwise when one is committed or a
    /// deferred message's retry time arrives.
    /// </summary>
    Task WaitForDueAsync(CancellationToken cancellationToken);

    /// <summary>The broker acknowledged <paramref name="messageId"/> with <paramref name="reasonCode"/> (below 0x80).</summary>
    Task MarkDeliveredAsync(string messageId, int reasonCode, CancellationToken cancellationToken);

    /// <summary>
    /// A send of <paramref name="messageId"/> did not deliver it: the broker refused it
    /// (<paramref name="reasonCode"/> 0x80 or above) or the connection ended before the PUBACK
    /// (<paramref name="reasonCode"/> null). The message stays; the attempt and reason are recorded.
    /// </summary>
    Task MarkFailedAsync(string messageId, int? reasonCode, string reason, CancellationToken cancellationToken);

    /// <summary>The messages still waiting to be delivered, in sending order.</summary>
    Task<IReadOnlyList<UplinkMessage>> ListPendingAsync(CancellationToken cancellationToken);
}
