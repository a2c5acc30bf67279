namespace Aizu.Wire;

/// <summary>Asks a recipient to delete what it received under a consent that ended.</summary>
/// <param name="Consent"><c>consent-id@version</c> that ended.</param>
/// <param name="Status">Its status now, e.g. <c>Withdrawn</c>.</param>
/// <param name="Category">Data category.</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Recipient">Recipient id.</param>
/// <param name="Pseudonyms">The pseudonyms the data was sent under (the recipient cannot find it otherwise), in the order written.</param>
/// <param name="At">When the request was made (whole seconds).</param>
public sealed record DeletionRequestMessage(string Consent, string Status, string Category, string Purpose, string Recipient, IReadOnlyList<string> Pseudonyms, DateTimeOffset At);
