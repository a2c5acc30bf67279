namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>One stored raw reading, as <c>aizu export</c> prints it.</summary>
internal sealed record RawPoint(string Series, DateTimeOffset Timestamp, double Value);
