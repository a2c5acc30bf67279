namespace Aizu.Egress;

/// <summary>The outcome of <see cref="EgressLog.VerifyAsync"/>.</summary>
/// <param name="IsIntact">True when every chained row links to the one before and matches its hash.</param>
/// <param name="Rows">Rows checked and found intact.</param>
/// <param name="UnchainedRows">Rows written before the chain existed (at the start of the log), which cannot be checked.</param>
/// <param name="BrokenId">The row id where the chain breaks, or null.</param>
/// <param name="Problem">What is wrong there, or null.</param>
/// <param name="HeadHash">The hash of the last intact row: note it down to notice later removal of the newest rows.</param>
public sealed record EgressLogVerification(bool IsIntact, long Rows, long UnchainedRows, long? BrokenId, string? Problem, string HeadHash);
