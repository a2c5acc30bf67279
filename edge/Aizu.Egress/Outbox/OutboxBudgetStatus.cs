namespace Aizu.Egress;

/// <summary>How full the outbox is against its budget, for the panel's status.</summary>
/// <param name="Pending">Data windows waiting to be sent.</param>
/// <param name="MaxPending">The budget, <see cref="EgressOptions.OutboxMaxPending"/>.</param>
/// <param name="Dropped">Windows dropped, oldest first, to stay within the budget since the gateway was set up.</param>
/// <param name="LastDroppedAt">When the last were dropped, or null.</param>
public sealed record OutboxBudgetStatus(int Pending, int MaxPending, long Dropped, DateTimeOffset? LastDroppedAt);
