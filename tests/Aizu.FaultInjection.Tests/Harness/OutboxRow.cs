namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>One row of the gateway's outbox (<c>egress_outbox</c>) as stored.</summary>
internal sealed record OutboxRow(long Seq, string MessageId, int Kind, string Topic, int State, int Attempts);
