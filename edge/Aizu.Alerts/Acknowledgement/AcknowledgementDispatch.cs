namespace Aizu.Alerts;

/// <summary>What an <see cref="IAlertAcknowledgementSender"/> did with one acknowledgement.</summary>
/// <param name="Forwarding">Kept on the gateway, or queued for the city.</param>
/// <param name="ConsentReferences">The <c>consent-id@version</c>s it was queued under (empty unless queued).</param>
/// <param name="Detail">Why, in words for the household.</param>
public sealed record AcknowledgementDispatch(AcknowledgementForwarding Forwarding, IReadOnlyList<string> ConsentReferences, string Detail);
