namespace Aizu.Egress;

/// <summary>A recipient's verified confirmation that it deleted what one of the gateway's deletion requests named.</summary>
/// <param name="RequestId">The deletion request's message id.</param>
/// <param name="ConsentReference">The household's <c>consent-id@version</c> the request was for.</param>
/// <param name="ConsentId">The consent id (what the consent card shows it on).</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Category">Data category.</param>
/// <param name="Pseudonym">The data set's pseudonym.</param>
/// <param name="Recipient">Who deleted.</param>
/// <param name="Rows">How many stored windows the recipient deleted.</param>
/// <param name="ConfirmedAt">When the recipient committed the deletion (its signed statement).</param>
/// <param name="ReceivedAt">When the gateway received the confirmation.</param>
/// <param name="Jws">The signed confirmation as received: the household's proof.</param>
public sealed record ConfirmedDeletion(
    string RequestId,
    string ConsentReference,
    string ConsentId,
    string Purpose,
    string Category,
    string Pseudonym,
    string Recipient,
    long Rows,
    DateTimeOffset ConfirmedAt,
    DateTimeOffset ReceivedAt,
    string Jws);
