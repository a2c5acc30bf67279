namespace Aizu.Uplink;

/// <summary>
/// Receives messages from the city on the downlink topics (<see cref="WireTopics.Downlink"/>): the alert
/// component takes <see cref="WireTopics.CityAlerts"/> and <see cref="WireTopics.AlertKeys"/>, the consent component <see cref="WireTopics.Catalogue"/>.
/// Register implementations as <c>IDownlinkHandler</c> singletons.
/// </summary>
public interface IDownlinkHandler
{
    /// <summary>The downlink topics this handler wants.</summary>
    IReadOnlyCollection<string> Topics { get; }

    /// <summary>
    /// Handles one message. Runs on the dispatcher's own loop, one message at a time, so a slow handler
    /// delays later downlink messages but never the uplink. Exceptions are logged and do not stop it.
    /// </summary>
    Task HandleAsync(DownlinkMessage message, CancellationToken cancellationToken);
}
