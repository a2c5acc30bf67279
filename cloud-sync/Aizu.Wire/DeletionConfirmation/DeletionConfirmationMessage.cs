namespace Aizu.Wire;

/// <summary>The recipient's statement that it deleted what it held of one data set under a consent.</summary>
/// <param name="Consent">The <c>consent-id@version</c> the deletion request named (opaque to the recipient).</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Category">Data category.</param>
/// <param name="Pseudonym">The data set's pseudonym.</param>
/// <param name="Recipient">Who deleted.</param>
/// <param name="Request">The deletion request's message id.</param>
/// <param name="Rows">How many stored aggregates were deleted.</param>
/// <param name="At">When the deletion was committed (whole seconds).</param>
public sealed record DeletionConfirmationMessage(string Consent, string Purpose, string Category, string Pseudonym, string Recipient, string Request, long Rows, DateTimeOffset At);
