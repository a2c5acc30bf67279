namespace Aizu.Alerts;

/// <summary>
/// The panel's "確認しました / I'm safe" button. Pressing it records the acknowledgement on the gateway
/// (in memory, shown with the alert) and offers it to the <see cref="IAlertAcknowledgementSender"/>, which
/// passes it to the city only under a separate, active <c>alert.ack</c> consent. Only an alert currently
/// shown to this household can be acknowledged.
/// </summary>
public sealed class AlertAcknowledger
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, (AlertAcknowledgement Acknowledgement, AcknowledgementDispatch Dispatch)> recorded = new(StringComparer.Ordinal);
    private readonly AlertBoard board;
    private readonly IAlertAcknowledgementSender sender;
    private readonly TimeProvider time;
    private readonly ILogger<AlertAcknowledger> logger;

    /// <summary>Creates the acknowledger.</summary>
    public AlertAcknowledger(AlertBoard board, IAlertAcknowledgementSender sender, TimeProvider time, ILogger<AlertAcknowledger> logger)
    {
        this.board = board;
        this.sender = sender;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// Acknowledges the current alert whose panel id (<c>sender/identifier</c>) or CAP identifier is
    /// <paramref name="alertId"/>; null when no such alert is shown to this household now.
    /// </summary>
    public async Task<AcknowledgementResult?> AcknowledgeAsync(string alertId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        cancellationToken.ThrowIfCancellationRequested();
        var view = board.GetCurrent().FirstOrDefault(v => string.Equals(v.Id, alertId, StringComparison.Ordinal))
            ?? board.GetCurrent().FirstOrDefault(v => string.Equals(v.Identifier, alertId, StringComparison.Ordinal));
        if (view is null)
        {
            return null;
        }

        AlertAcknowledgement acknowledgement;
        lock (sync)
        {
            acknowledgement = recorded.TryGetValue(view.Id, out var earlier)
                ? earlier.Acknowledgement
                : new AlertAcknowledgement(view.Id, new CapReference(view.Sender, view.Identifier, view.Issued), time.GetUtcNow());
        }

        // Offered again on every press: a consent given since the first press sends it then; the sender
        // queues at most one message per alert and consent.
        var dispatch = await sender.OfferAsync(acknowledgement, cancellationToken);
        lock (sync)
        {
            recorded[view.Id] = (acknowledgement, dispatch);
        }

        logger.AlertAcknowledged(view.Identifier, dispatch.Forwarding, dispatch.Detail);
        return new AcknowledgementResult(acknowledgement, dispatch);
    }

    /// <summary>The acknowledgement recorded for the alert with panel id <paramref name="alertId"/>, or null.</summary>
    public AcknowledgementResult? Find(string alertId)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        lock (sync)
        {
            return recorded.TryGetValue(alertId, out var entry) ? new AcknowledgementResult(entry.Acknowledgement, entry.Dispatch) : null;
        }
    }
}
