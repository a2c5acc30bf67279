namespace Aizu.Egress;

/// <summary>
/// Takes the recipients' signed deletion confirmations (<c>aizu/v1/deleted/{purpose}/{pseudonym}</c>) for the
/// gateway's own deletion requests: the uplink subscribes to the topic of every data set whose request is
/// still unconfirmed, and a confirmation is stored only when the city's pinned key signed it
/// (<see cref="EgressOptions.CityConfirmationKeyPem"/>), it names the data set of its topic, and it answers a
/// request this gateway made for that data set. Anything else is refused with one log line and not stored.
/// </summary>
public sealed class DeletionConfirmationReceiver : IDownlinkSubscription, IDisposable
{
    private readonly DeletionConfirmations confirmations;
    private readonly TimeProvider time;
    private readonly ILogger<DeletionConfirmationReceiver> logger;
    private readonly TrustedKey? cityKey;

    /// <summary>Creates the receiver with the city key from <paramref name="options"/> (validated at start-up).</summary>
    public DeletionConfirmationReceiver(DeletionConfirmations confirmations, TimeProvider time, IOptions<EgressOptions> options, ILogger<DeletionConfirmationReceiver> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.confirmations = confirmations;
        this.time = time;
        this.logger = logger;
        var pem = options.Value.CityConfirmationKeyPem;
        cityKey = string.IsNullOrWhiteSpace(pem) ? null : TrustedKey.From(P256Keys.ImportPublicPem(pem));
    }

    /// <inheritdoc />
    public string TopicFilter => WireTopics.DeletedPrefix + "+/+";

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<string>> GetTopicsAsync(CancellationToken cancellationToken) =>
        [.. (await confirmations.GetAwaitedAsync(cancellationToken)).Select(a => WireTopics.DeletionConfirmation(a.Purpose, a.Pseudonym)).Distinct(StringComparer.Ordinal)];

    /// <inheritdoc />
    public async Task ReceiveAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        await AcceptAsync(topic, payload, cancellationToken);

    /// <summary>Checks and stores one confirmation; returns it when stored (or already stored), otherwise null.</summary>
    public async Task<ConfirmedDeletion?> AcceptAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);

        // An empty retained message only clears the topic: nothing was said.
        if (payload.IsEmpty)
        {
            return null;
        }

        var levels = topic.StartsWith(WireTopics.DeletedPrefix, StringComparison.Ordinal) ? topic[WireTopics.DeletedPrefix.Length..].Split('/') : [];
        if (levels.Length != 2 || !levels.All(WireTopics.IsLevel))
        {
            return Refuse(topic, "not a deletion confirmation topic");
        }

        if (Read(payload.Span, out string problem) is not { } message)
        {
            return Refuse(topic, problem);
        }

        var (purpose, pseudonym) = (levels[0], levels[1]);
        if (!string.Equals(message.Purpose, purpose, StringComparison.Ordinal) || !string.Equals(message.Pseudonym, pseudonym, StringComparison.Ordinal))
        {
            return Refuse(topic, $"it names data set {message.Purpose}/{message.Pseudonym}, not its topic's");
        }

        // Only a request this gateway made, for this very data set: the topic alone says nothing about who owns it.
        if (await confirmations.FindRequestAsync(message.Request, cancellationToken) is not { } request
            || !string.Equals(request.Pseudonym, pseudonym, StringComparison.Ordinal))
        {
            return Refuse(topic, $"pseudonym {pseudonym} with request {message.Request} is not a deletion request of this gateway");
        }

        var at = request.ConsentReference.LastIndexOf('@');
        var confirmed = new ConfirmedDeletion(
            message.Request,
            request.ConsentReference,
            at > 0 ? request.ConsentReference[..at] : request.ConsentReference,
            message.Purpose,
            message.Category,
            message.Pseudonym,
            message.Recipient,
            message.Rows,
            message.At,
            time.GetUtcNow(),
            System.Text.Encoding.ASCII.GetString(payload.Span));
        if (await confirmations.SaveAsync(confirmed, cancellationToken))
        {
            logger.DeletionConfirmed(message.Recipient, message.Rows, request.ConsentReference, pseudonym, message.At);
        }

        return confirmed;
    }

    /// <summary>
    /// The stored confirmations that still hold: each row's signed original verifies with the city's key, says what the
    /// row says, and answers the deletion request the row is filed under. The file can be edited behind the gateway's
    /// back (a restored backup, a technician); a row that no longer holds is left out and logged, so the panel never
    /// tells the household that the city deleted something the city did not sign.
    /// </summary>
    public async Task<IReadOnlyList<ConfirmedDeletion>> ListVerifiedAsync(CancellationToken cancellationToken)
    {
        var holding = new List<ConfirmedDeletion>();
        foreach (var stored in await confirmations.ListAsync(cancellationToken))
        {
            var message = Read(System.Text.Encoding.ASCII.GetBytes(stored.Jws), out string problem);
            var request = message is null ? null : await confirmations.FindRequestAsync(stored.RequestId, cancellationToken);
            bool holds = message is not null && request is not null
                && message.Request == stored.RequestId && message.Purpose == stored.Purpose && message.Category == stored.Category
                && message.Pseudonym == stored.Pseudonym && message.Recipient == stored.Recipient && message.Rows == stored.Rows
                && message.At.ToUnixTimeMilliseconds() == stored.ConfirmedAt.ToUnixTimeMilliseconds()
                && request.Pseudonym == stored.Pseudonym && request.ConsentReference == stored.ConsentReference;
            if (holds)
            {
                holding.Add(stored);
            }
            else
            {
                Refuse($"stored confirmation of request {stored.RequestId}", message is null ? problem : "its row differs from what the city signed or from the gateway's request");
            }
        }

        return holding;
    }

    /// <inheritdoc />
    public void Dispose() => cityKey?.Key.Dispose();

    // One check for what arrives and what is read back: the city's signature, then the payload's form.
    private DeletionConfirmationMessage? Read(ReadOnlySpan<byte> jws, out string problem)
    {
        problem = "";
        if (cityKey is null)
        {
            problem = "no city confirmation key is configured (Aizu:Egress:CityConfirmationKeyPem)";
            return null;
        }

        var verified = Es256Jws.Verify(jws, [cityKey], JwsContentTypes.DeletionConfirmation);
        if (!verified.IsValid)
        {
            problem = "not signed by the city's confirmation key: " + verified.Problem;
            return null;
        }

        try
        {
            return DeletionConfirmationPayload.Read(verified.Payload.Span);
        }
        catch (FormatException exception)
        {
            problem = exception.Message;
            return null;
        }
    }

    private ConfirmedDeletion? Refuse(string topic, string reason)
    {
        logger.DeletionConfirmationRefused(topic, reason);
        return null;
    }
}
