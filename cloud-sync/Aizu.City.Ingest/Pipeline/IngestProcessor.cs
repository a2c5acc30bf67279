namespace Aizu.City.Ingest;

/// <summary>
/// Takes messages from the <see cref="IngestInbox"/> in batches: consent states and deletion requests are
/// applied one by one, data messages are validated, checked against the registry and stored in one
/// transaction per batch. A message is acknowledged only once its outcome is committed (stored, already
/// stored, or refused and counted), so an instance killed at any point loses nothing: the broker sends
/// the unacknowledged messages again and the store counts them once.
/// </summary>
public sealed class IngestProcessor(
    IngestInbox queue,
    EnergyWindowValidator validator,
    ConsentRegistry registry,
    AggregateStore store,
    AlertAckStore acknowledgements,
    DeletionService deletions,
    ConfirmationSignal confirmations,
    IngestMetrics metrics,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestProcessor> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(200);
    private readonly IngestOptions settings = options.Value;
    private readonly List<(IncomingMessage Message, EnergyWindow Window, DateTimeOffset Since)> waitingForConsent = [];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        var batch = new List<IncomingMessage>(settings.BatchSize);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await WaitForMessagesAsync(stoppingToken))
                {
                    await RecheckWaitingAsync(stoppingToken);
                    continue;
                }

                batch.Clear();
                Drain(batch);
                if (batch.Count < settings.BatchSize && settings.BatchDelay > TimeSpan.Zero)
                {
                    // A short wait fills the batch: one commit for many windows is what makes the throughput.
                    await Task.Delay(settings.BatchDelay, time, stoppingToken);
                    Drain(batch);
                }

                await ProcessAsync(batch, stoppingToken);
                await RecheckWaitingAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Unacknowledged messages stay with the broker for the next start.
        }
    }

    /// <summary>Processes one batch (the hosted loop's step; tests and the benchmark call it directly).</summary>
    public async Task ProcessAsync(IReadOnlyList<IncomingMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var accepted = new List<(IncomingMessage Message, EnergyWindow Window, ConsentVerdict Verdict)>(batch.Count);
        foreach (var message in batch)
        {
            metrics.OnReceived();
            if (ConsentTopic.TryParse(message.Topic, out var consent))
            {
                // Applied in arrival order relative to the data before it.
                await StoreAsync(accepted, cancellationToken);
                accepted.Clear();
                await ApplyConsentAsync(message, consent!, cancellationToken);
                continue;
            }

            var window = validator.Validate(message, out var rejection);
            if (window is null)
            {
                await RefuseAsync(message, rejection!, cancellationToken);
                continue;
            }

            var verdict = registry.Check(window);
            if (verdict.IsUnknown)
            {
                waitingForConsent.Add((message, window, time.GetUtcNow()));
            }
            else if (verdict.Rejection is { } refused)
            {
                await RefuseAsync(message, refused, cancellationToken);
            }
            else
            {
                accepted.Add((message, window, verdict));
            }
        }

        await StoreAsync(accepted, cancellationToken);
    }

    private async Task<bool> WaitForMessagesAsync(CancellationToken cancellationToken)
    {
        if (waitingForConsent.Count == 0)
        {
            return await queue.Reader.WaitToReadAsync(cancellationToken);
        }

        try
        {
            return await queue.Reader.WaitToReadAsync(cancellationToken).AsTask().WaitAsync(IdlePoll, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void Drain(List<IncomingMessage> batch)
    {
        while (batch.Count < settings.BatchSize && queue.Reader.TryRead(out var message))
        {
            batch.Add(message);
        }
    }

    private async Task RecheckWaitingAsync(CancellationToken cancellationToken)
    {
        if (waitingForConsent.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var accepted = new List<(IncomingMessage Message, EnergyWindow Window, ConsentVerdict Verdict)>();
        var still = new List<(IncomingMessage Message, EnergyWindow Window, DateTimeOffset Since)>();
        foreach (var (message, window, since) in waitingForConsent)
        {
            var verdict = registry.Check(window);
            if (verdict.IsUnknown && now - since >= settings.ConsentGrace)
            {
                // Another instance may have registered it while this one's mirror missed the state.
                await RetryAsync(() => registry.RefreshAsync(window.Consent, cancellationToken), cancellationToken);
                verdict = registry.Check(window);
                if (verdict.IsUnknown)
                {
                    await RefuseAsync(message, new Rejection(RejectionReasons.UnknownConsent, $"no consent state lists {window.Consent}"), cancellationToken);
                    continue;
                }
            }

            if (verdict.IsUnknown)
            {
                still.Add((message, window, since));
            }
            else if (verdict.Rejection is { } refused)
            {
                await RefuseAsync(message, refused, cancellationToken);
            }
            else
            {
                accepted.Add((message, window, verdict));
            }
        }

        waitingForConsent.Clear();
        waitingForConsent.AddRange(still);
        await StoreAsync(accepted, cancellationToken);
    }

    private async Task StoreAsync(List<(IncomingMessage Message, EnergyWindow Window, ConsentVerdict Verdict)> accepted, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        var windows = accepted.Where(a => a.Window.Alert is null).ToList();
        var acks = accepted.Where(a => a.Window.Alert is not null).ToList();
        var stored = windows.Count == 0 ? null
            : await RetryAsync(() => store.StoreAsync([.. windows.Select(a => (a.Window, a.Verdict.RetainUntil, a.Verdict.District))], cancellationToken), cancellationToken);
        var answered = acks.Count == 0 ? null
            : await RetryAsync(() => acknowledgements.StoreAsync([.. acks.Select(a => (a.Window, a.Verdict.RetainUntil, a.Verdict.District))], cancellationToken), cancellationToken);
        IEnumerable<string> none = [];
        var outcome = new StoreOutcome(
            new HashSet<string>((stored?.Inserted ?? none).Concat(answered?.Inserted ?? none), StringComparer.Ordinal),
            new HashSet<string>((stored?.Duplicates ?? none).Concat(answered?.Duplicates ?? none), StringComparer.Ordinal),
            new HashSet<string>((stored?.Deleted ?? none).Concat(answered?.Deleted ?? none), StringComparer.Ordinal));

        // Counted per message, not per id: a batch may hold the same re-sent message more than once.
        var refused = windows.Count(a => outcome.Deleted.Contains(a.Window.MessageId));
        metrics.OnStored(stored?.Inserted.Count ?? 0, windows.Count - (stored?.Inserted.Count ?? 0) - refused);
        var refusedAcks = acks.Count(a => outcome.Deleted.Contains(a.Window.MessageId));
        metrics.OnAlertAcks(answered?.Inserted.Count ?? 0, acks.Count - (answered?.Inserted.Count ?? 0) - refusedAcks);
        foreach (var (message, window, _) in accepted)
        {
            if (outcome.Deleted.Contains(window.MessageId))
            {
                metrics.Reject(message.Topic, window.MessageId, new Rejection(RejectionReasons.DeletedDataSet, $"{window.DataSet.Purpose}/{window.DataSet.Pseudonym} {window.Category} was deleted on request after {window.End:O}"));
            }

            await AcknowledgeAsync(message, cancellationToken);
        }
    }

    private async Task ApplyConsentAsync(IncomingMessage message, ConsentTopic topic, CancellationToken cancellationToken)
    {
        if (message.Payload.Length == 0)
        {
            // An emptied retained message: nothing to apply, nothing to refuse.
            await AcknowledgeAsync(message, cancellationToken);
            return;
        }

        if (message.Payload.Length > settings.MaxPayloadBytes * 16)
        {
            await RefuseAsync(message, new Rejection(RejectionReasons.TooLarge, $"{message.Payload.Length} bytes"), cancellationToken);
            return;
        }

        // Every gateway publishes per data set now; a gateway-wide scope would let a grant be found by its
        // reference alone, across data sets, so it is refused (counted) rather than read.
        if (!topic.Scope.Contains('/', StringComparison.Ordinal))
        {
            await RefuseAsync(message, new Rejection(RejectionReasons.LegacyConsentScope, $"scope '{topic.Scope}' names a gateway, not a data set ({{purpose}}/{{pseudonym}}); upgrade the gateway"), cancellationToken);
            return;
        }

        message.Properties.TryGetValue(UserProperties.MessageId, out var messageId);
        message.Properties.TryGetValue(UserProperties.Schema, out var schema);
        try
        {
            if (topic.IsDeletion)
            {
                if (schema != SchemaIds.DeletionRequest || messageId is null)
                {
                    await RefuseAsync(message, new Rejection(RejectionReasons.BadConsentMessage, $"a deletion request needs schema {SchemaIds.DeletionRequest} and a msg-id"), cancellationToken);
                    return;
                }

                var request = DeletionRequestPayload.Read(message.Payload.Span);
                if (!string.Equals(topic.Scope, $"{request.Purpose}/{request.Pseudonym}", StringComparison.Ordinal))
                {
                    // Only a data set's own topic may ask for its deletion: one household cannot erase another's data.
                    await RefuseAsync(message, new Rejection(RejectionReasons.BadConsentMessage, $"a deletion request for {request.Purpose}/{request.Pseudonym} came on another data set's topic"), cancellationToken);
                    return;
                }

                var rows = await RetryAsync(() => deletions.ExecuteAsync(messageId, request, cancellationToken), cancellationToken);
                metrics.OnDeletion(rows);
                logger.DeletionCarriedOut(request.Purpose, request.Category, 1, rows);
                confirmations.Raise();
            }
            else
            {
                if (schema != SchemaIds.ConsentState)
                {
                    await RefuseAsync(message, new Rejection(RejectionReasons.BadConsentMessage, $"a consent state needs schema {SchemaIds.ConsentState}"), cancellationToken);
                    return;
                }

                var state = ConsentStatePayload.Read(message.Payload.Span);
                await RetryAsync(() => registry.ApplyAsync(topic.Scope, state, time.GetUtcNow(), cancellationToken), cancellationToken);
                metrics.OnConsentState();
            }
        }
        catch (FormatException exception)
        {
            await RefuseAsync(message, new Rejection(RejectionReasons.BadConsentMessage, exception.Message), cancellationToken);
            return;
        }

        await AcknowledgeAsync(message, cancellationToken);
    }

    private async Task RefuseAsync(IncomingMessage message, Rejection rejection, CancellationToken cancellationToken)
    {
        message.Properties.TryGetValue(UserProperties.MessageId, out var messageId);
        metrics.Reject(message.Topic, messageId, rejection);
        logger.Rejected(rejection.Reason, message.Topic, messageId ?? "", rejection.Detail);
        await AcknowledgeAsync(message, cancellationToken);
    }

    private async Task AcknowledgeAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        await message.Acknowledge(cancellationToken);
        metrics.OnAcknowledged();
    }

    private Task<bool> RetryAsync(Func<Task> work, CancellationToken cancellationToken) =>
        RetryAsync(async () =>
        {
            await work();
            return true;
        }, cancellationToken);

    // PostgreSQL away (restart, fail-over): nothing is acknowledged meanwhile, so waiting loses nothing.
    private async Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await work();
            }
            catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.StoreUnavailable(exception.Message, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
