namespace Aizu.Egress;

/// <summary>A deletion request the gateway queued whose confirmation has not arrived yet.</summary>
/// <param name="RequestId">The deletion request's message id.</param>
/// <param name="ConsentReference">The household's <c>consent-id@version</c> it was for.</param>
/// <param name="Purpose">The data set's purpose.</param>
/// <param name="Pseudonym">The data set's pseudonym.</param>
public sealed record AwaitedConfirmation(string RequestId, string ConsentReference, string Purpose, string Pseudonym);
