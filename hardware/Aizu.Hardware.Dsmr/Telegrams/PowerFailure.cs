namespace Aizu.Hardware.Dsmr;

/// <summary>One entry of the long power failure log (1-0:99.97.0).</summary>
/// <param name="EndedAt">When power came back.</param>
/// <param name="Duration">How long it was off.</param>
public sealed record PowerFailure(DateTimeOffset EndedAt, TimeSpan Duration);
