namespace Aizu.Wire;

/// <summary>A gateway's retained status: online after every connect (birth), offline when it leaves or is lost (will).</summary>
/// <param name="State"><see cref="GatewayStatusPayload.Online"/> or <see cref="GatewayStatusPayload.Offline"/>.</param>
/// <param name="Software">The software version, only when online.</param>
public sealed record GatewayStatusMessage(string State, string? Software);
