namespace Aizu.Alerts;

/// <summary>The household's "確認しました / I'm safe" for one alert, as recorded on the gateway.</summary>
/// <param name="AlertId">The panel's id of the alert (<c>sender/identifier</c>).</param>
/// <param name="Reference">The acknowledged message as a CAP reference (<c>sender,identifier,sent</c>).</param>
/// <param name="AcknowledgedAt">When the button was pressed.</param>
public sealed record AlertAcknowledgement(string AlertId, CapReference Reference, DateTimeOffset AcknowledgedAt)
{
    /// <summary>The reference in CAP's text form, <c>sender,identifier,sent</c>.</summary>
    public string ReferenceText => $"{Reference.Sender},{Reference.Identifier},{CapTime.Format(Reference.Sent)}";
}
