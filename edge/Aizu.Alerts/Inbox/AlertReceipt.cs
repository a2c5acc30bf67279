namespace Aizu.Alerts;

/// <summary>The outcome of <see cref="AlertInbox.ReceiveAsync"/>.</summary>
/// <param name="Outcome">What was done.</param>
/// <param name="Identifier">The CAP <c>identifier</c>, once the signature held and the XML parsed.</param>
/// <param name="Detail">Why, in words for the log and installers.</param>
public sealed record AlertReceipt(AlertOutcome Outcome, string? Identifier, string Detail)
{
    /// <summary>True for every <c>Rejected…</c> outcome.</summary>
    public bool IsRejected => Outcome >= AlertOutcome.RejectedTooLarge;
}
