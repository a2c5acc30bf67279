namespace Aizu.Panel;

/// <summary>
/// The connection to the city's broker, in <c>GET /api/status</c> (present only when a city link is configured): while
/// it is down, consented messages wait in the outbox and leave in order once it is back.
/// </summary>
/// <param name="Connected">True while connected to the broker.</param>
/// <param name="Since">When the current connection, or outage, began (null before the first attempt).</param>
/// <param name="LastError">Why the last connection ended or the last attempt failed, or null.</param>
/// <param name="FailedAttempts">Failed connection attempts since the last success.</param>
/// <param name="Delivered">Messages the broker accepted since the gateway started.</param>
/// <param name="Refused">Sends the broker refused since the gateway started (they stay and are retried).</param>
internal sealed record PanelCityLinkStatus(
    bool Connected,
    DateTimeOffset? Since,
    string? LastError,
    int FailedAttempts,
    long Delivered,
    long Refused)
{
    public static PanelCityLinkStatus From(UplinkState state) =>
        new(state.IsConnected, state.Since, state.LastError, state.ConsecutiveFailures, state.Delivered, state.Refused);
}
