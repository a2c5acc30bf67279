namespace Aizu.Panel;

/// <summary>The household's "I'm safe" for one alert, as the panel shows it.</summary>
/// <param name="At">When it was pressed.</param>
/// <param name="Forwarding">
/// <c>NotConfigured</c>, <c>NotConsented</c> or <c>Refused</c> (kept on the gateway), <c>Queued</c> or
/// <c>AlreadyQueued</c> (sent to the city under the <c>alert.ack</c> consent).
/// </param>
/// <param name="SentToCity">True when it was queued for the city.</param>
/// <param name="Consents">The consents it was sent under.</param>
/// <param name="Detail">A sentence for the household.</param>
internal sealed record AlertAckItem(DateTimeOffset At, string Forwarding, bool SentToCity, IReadOnlyList<string> Consents, string Detail);
