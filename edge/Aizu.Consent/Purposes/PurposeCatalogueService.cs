namespace Aizu.Consent;

/// <summary>
/// Takes the city's purpose catalogue (the uplink delivers the retained MQTT message's payload bytes)
/// and, when it is signed with the pinned city key, valid and newer than the one in force, stores it
/// and turns new or changed purposes into consent requests. Nothing here ever gives consent.
/// </summary>
public sealed class PurposeCatalogueService(
    PurposeCatalogueStore store, ConsentService consents, TimeProvider time, ILogger<PurposeCatalogueService> logger)
{
    /// <summary>Larger payloads are refused before parsing: a catalogue is a few kilobytes.</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Applies a catalogue: <paramref name="payload"/> is the JWS compact serialisation (ES256, city key).
    /// Never throws for a bad catalogue: it is rejected, logged, and the result says why.
    /// </summary>
    public async Task<CatalogueApplyResult> ApplyAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var result = await EvaluateAsync(payload, cancellationToken);
        switch (result.Status)
        {
            case CatalogueStatus.Rejected:
                logger.CatalogueRejected(result.Problem ?? "unknown");
                break;
            case CatalogueStatus.Unchanged:
                logger.CatalogueUnchanged(result.Sequence ?? 0);
                break;
        }

        return result;
    }

    /// <summary>
    /// Reconciles the ledger with the catalogue in force again. Run at start-up: it completes a
    /// reconciliation that a power cut interrupted between storing a catalogue and recording its requests.
    /// </summary>
    public async Task ReconcileCurrentAsync(CancellationToken cancellationToken)
    {
        if (await store.GetCurrentAsync(cancellationToken) is { } catalogue)
        {
            await consents.ReconcileAsync(catalogue, cancellationToken);
        }
    }

    private async Task<CatalogueApplyResult> EvaluateAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length == 0)
        {
            return CatalogueApplyResult.Rejected("The catalogue message is empty.");
        }

        if (payload.Length > MaxPayloadBytes)
        {
            return CatalogueApplyResult.Rejected($"The catalogue message is {payload.Length} bytes; at most {MaxPayloadBytes} are accepted.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(payload.Span).Trim();
        }
        catch (DecoderFallbackException)
        {
            return CatalogueApplyResult.Rejected("The catalogue message is not UTF-8 text (expected a JWS compact serialisation).");
        }

        var check = store.Check(text);
        if (check.Catalogue is not { } catalogue)
        {
            return CatalogueApplyResult.Rejected(check.Problem ?? "The catalogue is not acceptable.");
        }

        var unchanged = false;
        if (await store.ReadLatestAsync(cancellationToken) is { } inForce)
        {
            if (catalogue.Sequence < inForce.Sequence)
            {
                return CatalogueApplyResult.Rejected(
                    $"Catalogue {catalogue.Sequence} is older than the one in force ({inForce.Sequence}); a stale or replayed catalogue is refused.", catalogue.Sequence);
            }

            if (catalogue.Sequence == inForce.Sequence)
            {
                if (!string.Equals(inForce.Jws.Split('.')[1], check.PayloadSegment, StringComparison.Ordinal))
                {
                    return CatalogueApplyResult.Rejected(
                        $"Catalogue {catalogue.Sequence} is already in force with different content; the city must publish a change under a higher sequence.", catalogue.Sequence);
                }

                unchanged = true;
            }
        }

        if (!unchanged)
        {
            await store.StoreAsync(catalogue.Sequence, text, time.GetUtcNow(), cancellationToken);
        }

        // Also for an unchanged catalogue: reconciliation is idempotent and may have been interrupted.
        var (requested, revoked) = await consents.ReconcileAsync(catalogue, cancellationToken);
        if (!unchanged)
        {
            logger.CatalogueAccepted(catalogue.Sequence, catalogue.Issuer, catalogue.Purposes.Count, requested.Count, revoked.Count);
        }

        return new CatalogueApplyResult(unchanged ? CatalogueStatus.Unchanged : CatalogueStatus.Accepted, catalogue.Sequence, null, requested, revoked);
    }
}
