namespace Aizu.Wire;

/// <summary>Asks a recipient to delete what it received under a consent that ended.</summary>
/// <param name="Consent"><c>consent-id@version</c> that ended.</param>
/// <param name="Status">Its status now, e.g. <c>Withdrawn</c>.</param>
/// <param name="Scope"><see cref="DeletionRequestPayload.ConsentScope"/> (every version of the consent) or <see cref="DeletionRequestPayload.VersionScope"/> (only this version, whose terms the household replaced).</param>
/// <param name="Category">Data category.</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Recipient">Recipient id.</param>
/// <param name="Pseudonyms">The pseudonyms the data was sent under (the recipient cannot find it otherwise), in the order written.</param>
/// <param name="At">The day (UTC) the request was made: no finer, it dates a household decision.</param>
public sealed record DeletionRequestMessage(string Consent, string Status, string Scope, string Category, string Purpose, string Recipient, IReadOnlyList<string> Pseudonyms, DateOnly At);
