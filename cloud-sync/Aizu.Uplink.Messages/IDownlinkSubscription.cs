namespace Aizu.Uplink.Messages;

/// <summary>
/// Downlink topics that depend on what the gateway has sent, such as the recipient's confirmation on
/// <c>aizu/v1/deleted/{purpose}/{pseudonym}</c> for a data set the gateway asked to be deleted. The uplink
/// subscribes to exactly the topics <see cref="GetTopicsAsync"/> names (never a wildcard: a gateway asks only
/// for its own data sets) and hands what arrives on <see cref="TopicFilter"/> to <see cref="ReceiveAsync"/>.
/// Here beside <see cref="IOutbox"/>, so the egress side offers it without referencing the MQTT uplink.
/// </summary>
public interface IDownlinkSubscription
{
    /// <summary>The MQTT topic filter (with <c>+</c>/<c>#</c>) of the messages this subscription takes.</summary>
    string TopicFilter { get; }

    /// <summary>
    /// The exact topics to be subscribed now (only those still awaited, so the list stays short); the uplink
    /// asks again whenever the outbox has drained and on every connection.
    /// </summary>
    Task<IReadOnlyCollection<string>> GetTopicsAsync(CancellationToken cancellationToken);

    /// <summary>Handles one message (its signature is not checked yet). Exceptions are logged by the uplink.</summary>
    Task ReceiveAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
