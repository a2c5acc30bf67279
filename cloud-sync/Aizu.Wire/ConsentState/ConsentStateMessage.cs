namespace Aizu.Wire;

/// <summary>The retained consent state: which grants are active, so the recipient knows what it may accept.</summary>
/// <param name="GatewayId">The sending gateway's id.</param>
/// <param name="At">When the state was made (whole seconds).</param>
/// <param name="Grants">The active grants, in the order written.</param>
public sealed record ConsentStateMessage(string GatewayId, DateTimeOffset At, IReadOnlyList<ConsentStateGrant> Grants);
