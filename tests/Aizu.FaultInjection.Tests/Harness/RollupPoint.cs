namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>One stored rollup bucket, as <c>aizu export</c> prints it.</summary>
internal sealed record RollupPoint(string Series, DateTimeOffset Start, DateTimeOffset End, long Count, double? Min, double? Max, double? Energy);
