namespace Aizu.Egress;

/// <summary>One aggregation period: [<paramref name="Start"/>, <paramref name="End"/>) of a granularity (ISO 8601 duration).</summary>
/// <param name="Granularity">One of <see cref="Aizu.Consent.Granularity"/>.</param>
/// <param name="Start">Inclusive start.</param>
/// <param name="End">Exclusive end.</param>
public readonly record struct AggregationWindow(string Granularity, DateTimeOffset Start, DateTimeOffset End);
