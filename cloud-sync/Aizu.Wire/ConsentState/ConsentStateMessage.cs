namespace Aizu.Wire;

/// <summary>The retained consent state: which grants are active, so the recipient knows what it may accept.</summary>
/// <param name="GatewayId">The sending gateway's id.</param>
/// <param name="At">The day (UTC) the state was made: no finer, the second of a household decision says when someone was at home.</param>
/// <param name="Grants">The active grants, in the order written.</param>
public sealed record ConsentStateMessage(string GatewayId, DateOnly At, IReadOnlyList<ConsentStateGrant> Grants);
