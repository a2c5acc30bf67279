namespace Aizu.Egress;

/// <summary>One page of <see cref="EgressHistory"/>, newest first.</summary>
/// <param name="Records">The entries.</param>
/// <param name="NextBefore">The key to ask for the next (older) page with, or null when this is the last.</param>
public sealed record EgressHistoryPage(IReadOnlyList<EgressRecord> Records, string? NextBefore);
