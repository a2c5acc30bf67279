namespace Aizu.Wire;

/// <summary>Asks a recipient to delete what it received in one data set (purpose × recipient × period) under consents that ended.</summary>
/// <param name="Consents">The opaque references (as in the data's <c>consent-ref</c>) whose data is to be deleted, in the order written.</param>
/// <param name="Status">The consent's status now, e.g. <c>Withdrawn</c>.</param>
/// <param name="Scope"><see cref="DeletionRequestPayload.ConsentScope"/> (every version of the consent) or <see cref="DeletionRequestPayload.VersionScope"/> (only the named version, whose terms the household replaced).</param>
/// <param name="Category">Data category.</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Recipient">Recipient id.</param>
/// <param name="Pseudonym">The data set's pseudonym the data was sent under (the recipient cannot find it otherwise).</param>
/// <param name="At">The day (UTC) the request was made: no finer, it dates a household decision.</param>
public sealed record DeletionRequestMessage(IReadOnlyList<string> Consents, string Status, string Scope, string Category, string Purpose, string Recipient, string Pseudonym, DateOnly At);
