namespace Aizu.City.Ingest;

/// <summary>A signed deletion confirmation waiting for the broker.</summary>
/// <param name="RequestId">The deletion request's message id.</param>
/// <param name="Pseudonym">The data set's pseudonym.</param>
/// <param name="Category">Data category.</param>
/// <param name="Topic">Where it is published (retained).</param>
/// <param name="Payload">The compact JWS.</param>
public sealed record PendingConfirmation(string RequestId, string Pseudonym, string Category, string Topic, byte[] Payload);
