namespace Aizu.Alerts;

/// <summary>The outcome of pressing "I'm safe": the local record, and whether it was passed on to the city.</summary>
/// <param name="Acknowledgement">The record kept on the gateway (the first press; later presses do not move it).</param>
/// <param name="Dispatch">What happened about the city.</param>
public sealed record AcknowledgementResult(AlertAcknowledgement Acknowledgement, AcknowledgementDispatch Dispatch);
