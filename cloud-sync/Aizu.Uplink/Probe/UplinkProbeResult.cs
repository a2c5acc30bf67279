namespace Aizu.Uplink;

/// <summary>What <see cref="UplinkProbe"/> found.</summary>
/// <param name="Stage">How far it got.</param>
/// <param name="Detail">What happened at the last stage, in one sentence (the broker's reason when it gave one).</param>
public sealed record UplinkProbeResult(UplinkProbeStage Stage, string Detail);
