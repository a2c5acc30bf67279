namespace Aizu.Alerts;

/// <summary>
/// The entry point for everything the city sends on the alert topics. Each payload is size-checked,
/// then its ES256 signature is verified against the trusted city keys before a single byte of it is
/// parsed for display; only then is it read as CAP (or as a key update), checked for expiry and replay,
/// and put on the <see cref="AlertBoard"/>. Every outcome is logged and counted.
/// </summary>
public sealed class AlertInbox(
    CityKeyRing keys, AlertBoard board, AlertStatistics statistics, IOptionsMonitor<AlertOptions> options, TimeProvider time, ILogger<AlertInbox> logger)
{

    /// <summary>Handles one payload from <see cref="WireTopics.CityAlerts"/> or <see cref="WireTopics.AlertKeys"/>.</summary>
    /// <param name="payload">The MQTT payload: a JWS compact serialisation (ASCII).</param>
    /// <param name="delivery">
    /// How it arrived, for the log only. Nothing in it is trusted: the MQTT message expiry is not signed, so the
    /// signed CAP <c>expires</c> decides how long an alert is shown.
    /// </param>
    /// <param name="cancellationToken">Cancels reading or writing the key state.</param>
    public async Task<AlertReceipt> ReceiveAsync(ReadOnlyMemory<byte> payload, AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        cancellationToken.ThrowIfCancellationRequested();
        var receipt = await ProcessAsync(payload, cancellationToken);
        statistics.Record(receipt.Outcome);
        switch (receipt.Outcome)
        {
            case AlertOutcome.Shown or AlertOutcome.Updated:
                var shown = board.GetCurrent().FirstOrDefault(v => v.Identifier == receipt.Identifier);
                logger.AlertAccepted(receipt.Identifier!, shown?.Level ?? 0, shown?.IsTest == true ? " [TEST]" : shown is null ? " (not for this household)" : "", receipt.Outcome);
                break;
            case AlertOutcome.Cancelled:
                logger.AlertCancelled(receipt.Identifier!, receipt.Detail);
                break;
            case AlertOutcome.KeyUpdated:
                break;
            case var _ when receipt.IsRejected:
                logger.AlertRejected(delivery.Topic, delivery.Retained, receipt.Outcome, receipt.Detail);
                break;
            default:
                logger.AlertUnchanged(delivery.Topic, delivery.Retained, receipt.Outcome, receipt.Detail);
                break;
        }

        return receipt;
    }

    private async Task<AlertReceipt> ProcessAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (payload.Length > settings.MaxMessageBytes)
        {
            return new AlertReceipt(AlertOutcome.RejectedTooLarge, null, $"The message is {payload.Length} bytes; at most {settings.MaxMessageBytes} are accepted.");
        }

        var trusted = await keys.TrustedKeysAsync(cancellationToken);
        var verification = Es256Jws.Verify(payload.Span, trusted, JwsContentTypes.Cap, JwsContentTypes.KeyUpdate);
        switch (verification.Status)
        {
            case JwsStatus.NotSigned:
                return new AlertReceipt(AlertOutcome.RejectedUnsigned, null, verification.Problem!);
            case JwsStatus.BadSignature:
                return new AlertReceipt(AlertOutcome.RejectedBadSignature, null, verification.Problem!);
        }

        // The content type is in the signed header, so which kind of message this is cannot be forged; the
        // topic it came on is not trusted for that.
        if (verification.ContentType == JwsContentTypes.KeyUpdate)
        {
            KeyUpdate update;
            try
            {
                update = KeyUpdate.Parse(verification.Payload.Span);
            }
            catch (FormatException exception)
            {
                return new AlertReceipt(AlertOutcome.RejectedKeyUpdate, null, exception.Message);
            }

            return await keys.ApplyAsync(update, verification.Signer!, cancellationToken);
        }

        CapAlert alert;
        try
        {
            alert = CapParser.Parse(verification.Payload.Span);
        }
        catch (CapFormatException exception)
        {
            return new AlertReceipt(AlertOutcome.RejectedMalformed, null, exception.Message);
        }

        if (alert.MessageType is CapMessageType.Ack or CapMessageType.Error || alert.Scope != CapScope.Public)
        {
            return new AlertReceipt(AlertOutcome.Ignored, alert.Identifier, $"A {alert.Scope} {alert.MessageType} message is not for a household panel.");
        }

        if (alert.MessageType != CapMessageType.Cancel && alert.Infos.Count == 0)
        {
            return new AlertReceipt(AlertOutcome.RejectedMalformed, alert.Identifier, $"The {alert.MessageType} has no <info> to show.");
        }

        var now = time.GetUtcNow();
        var expires = alert.Expires ?? alert.Sent + settings.LifetimeWithoutExpiry;

        // An expired Cancel or Update still ends what it references: removing an alert can never show something
        // stale, and senders do send both with expires equal to sent.
        if (expires <= now && alert.MessageType == CapMessageType.Alert)
        {
            return new AlertReceipt(AlertOutcome.RejectedExpired, alert.Identifier, $"It expired at {CapTime.Format(expires)}.");
        }

        var classification = EvacuationLevels.Classify(alert);
        if (!classification.IsConsistent)
        {
            logger.AlertInconsistent(alert.Identifier, classification.Level, string.Join(" ", classification.Inconsistencies));
        }

        return board.Apply(alert, expires);
    }
}
