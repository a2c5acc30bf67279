namespace Aizu.Egress;

/// <summary>What an outbox row carries; only <see cref="Data"/> carries household values.</summary>
public enum MessageKind
{
    /// <summary>A consented aggregate; re-checked against its consent before every send.</summary>
    Data = 0,

    /// <summary>The retained list of active grants (no household values).</summary>
    ConsentState = 1,

    /// <summary>A deletion request after a withdrawal (no household values).</summary>
    DeletionRequest = 2,

    /// <summary>
    /// The household's "I'm safe" answer to a city alert, sent only under an active <c>alert.ack</c> grant;
    /// re-checked against its consent before every send, like <see cref="Data"/>.
    /// </summary>
    AlertAcknowledgement = 3,
}
