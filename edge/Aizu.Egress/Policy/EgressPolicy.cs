namespace Aizu.Egress;

/// <summary>
/// The only place where an <see cref="UplinkMessage"/> is made. A data message is made only for a
/// closed window of exactly the granularity a grant names, while that grant is active, for exactly its
/// category, purpose and recipient; the value is minimised as the grant says. On the wire a message
/// carries only identifiers of its own data set (purpose × recipient × pseudonym period): the data set's
/// pseudonym and the consent version's opaque reference in that period; <c>consent-id@version</c> stays in
/// the gateway's own records. The other messages it makes, the consent state and deletion requests,
/// carry no household values and are made per data set too.
/// </summary>
public sealed class EgressPolicy(
    ConsentGate gate,
    DataSets dataSets,
    WindowCutter calendar,
    ValueMinimiser minimiser,
    TimeProvider time,
    RandomNumberGenerator random)
{

    /// <summary>
    /// Decides on <paramref name="aggregate"/> now: a message when everything matches, otherwise a
    /// refusal with its reason. Nothing is written; the caller commits the decision and the message
    /// together.
    /// </summary>
    public async Task<ReleaseDecision> DecideAsync(EnergyAggregate aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var (terms, window, energy) = (aggregate.Terms, aggregate.Window, aggregate.EnergyWh);
        ReleaseDecision Refuse(string why) => new(terms, window, ReleaseOutcome.Refused, why, null, null);

        var now = time.GetUtcNow();
        var verdict = await gate.CheckAsync(terms, now, cancellationToken);
        if (!verdict.Allowed)
        {
            return Refuse(verdict.Reason);
        }

        var grant = await gate.GetExactAsync(terms, cancellationToken);
        if (grant is null)
        {
            return Refuse($"consent {terms.Reference} vanished");
        }

        if (!string.Equals(window.Granularity, terms.Granularity, StringComparison.Ordinal) || !calendar.IsWindow(window))
        {
            return Refuse($"[{window.Start:O}, {window.End:O}) is not one {terms.Granularity} window in {calendar.Zone.Id}");
        }

        if (window.End > now)
        {
            return Refuse($"window ending {window.End:O} is not closed at {now:O}");
        }

        if (window.Start < grant.ValidFrom || window.End > grant.ExpiresAt)
        {
            return Refuse($"window [{window.Start:O}, {window.End:O}) lies outside the validity of {terms.Reference}");
        }

        if (!WireTopics.IsLevel(terms.Purpose) || !WireTopics.IsLevel(terms.Category))
        {
            return Refuse($"purpose '{terms.Purpose}' or category '{terms.Category}' cannot be a topic level");
        }

        if (!double.IsFinite(energy) || energy < 0)
        {
            return Refuse($"energy {energy} Wh is not a releasable value");
        }

        var value = minimiser.Apply(energy, grant.Transform);
        var (dataSet, message) = await DataMessageAsync(
            terms,
            window.Start,
            pseudonym => EnergyWindowPayload.Write(new EnergyWindowMessage(pseudonym, terms.Category, window.Start, window.Granularity, value)),
            ContentTypes.SenmlJson,
            SchemaIds.EnergyWindow,
            now,
            cancellationToken);
        return new ReleaseDecision(terms, window, ReleaseOutcome.Released, "", message, dataSet.Pseudonym) { DataSet = dataSet };
    }

    /// <summary>
    /// Decides on the household's acknowledgement of the alert <paramref name="alertReference"/> (CAP
    /// <c>sender,identifier,sent</c>) under <paramref name="terms"/>, which must be an <c>alert.ack</c>
    /// consent active now. The message says only "safe", which alert, and the start of the grant's
    /// granularity window the button was pressed in (never the exact time). Nothing is written.
    /// </summary>
    public async Task<AcknowledgementDecision> DecideAcknowledgementAsync(
        ConsentTerms terms, string alertReference, DateTimeOffset acknowledgedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(alertReference);
        AcknowledgementDecision Refuse(string why) => new(terms, alertReference, acknowledgedAt, ReleaseOutcome.Refused, why, null, null);

        if (!string.Equals(terms.Category, DataCategories.AlertAcknowledgement, StringComparison.Ordinal))
        {
            return Refuse($"consent {terms.Reference} is for {terms.Category}, not {DataCategories.AlertAcknowledgement}");
        }

        var now = time.GetUtcNow();
        var verdict = await gate.CheckAsync(terms, now, cancellationToken);
        if (!verdict.Allowed)
        {
            return Refuse(verdict.Reason);
        }

        if (!WireTopics.IsLevel(terms.Purpose))
        {
            return Refuse($"purpose '{terms.Purpose}' cannot be a topic level");
        }

        if (alertReference.Length is 0 or > 512 || alertReference.Any(char.IsControl))
        {
            return Refuse("the alert reference is not a CAP reference");
        }

        var window = calendar.Containing(acknowledgedAt > now ? now : acknowledgedAt, terms.Granularity);
        var (dataSet, message) = await DataMessageAsync(
            terms,
            window.Start,
            pseudonym => AlertAckPayload.Write(new AlertAckMessage(alertReference, window.Start, terms.Granularity, pseudonym)),
            ContentTypes.Json,
            SchemaIds.AlertAck,
            now,
            cancellationToken);
        return new AcknowledgementDecision(terms, alertReference, acknowledgedAt, ReleaseOutcome.Released, "", message, dataSet.Pseudonym) { DataSet = dataSet };
    }

    /// <summary>
    /// A data message under <paramref name="terms"/> for the window starting at <paramref name="windowStart"/>: on the
    /// data topic of the window's data set, under that data set's pseudonym and opaque consent reference.
    /// </summary>
    private async Task<(DataSet DataSet, UplinkMessage Message)> DataMessageAsync(
        ConsentTerms terms,
        DateTimeOffset windowStart,
        Func<string, byte[]> payload,
        string contentType,
        string schemaId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var dataSet = await dataSets.AtAsync(terms.Purpose, terms.Recipient, windowStart, cancellationToken);
        var reference = await dataSets.ReferenceAsync(dataSet, terms.ConsentId, terms.Version, cancellationToken);
        var messageId = NewMessageId();
        var message = new UplinkMessage(
            messageId,
            WireTopics.Data(terms.Purpose, terms.Category, dataSet.Pseudonym),
            payload(dataSet.Pseudonym),
            contentType,
            UserProperties.Of(schemaId, messageId, reference, terms.Purpose, terms.Granularity),
            terms.Reference,
            retain: false,
            now);
        return (dataSet, message);
    }

    /// <summary>
    /// The retained consent state of <paramref name="dataSet"/>: the active grants of its purpose and recipient
    /// under their opaque references in its period, and their terms, never a value. The recipient learns which
    /// grants cover this data set and nothing of the household's other data sets.
    /// </summary>
    public async Task<UplinkMessage> CreateConsentStateAsync(DataSet dataSet, IReadOnlyList<ConsentGrant> active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(active);
        var now = time.GetUtcNow();
        var messageId = NewMessageId();
        var grants = new List<ConsentStateGrant>(active.Count);
        foreach (var g in active.OrderBy(g => g.ConsentId, StringComparer.Ordinal))
        {
            if (!string.Equals(g.Purpose, dataSet.Purpose, StringComparison.Ordinal) || !string.Equals(g.Recipient, dataSet.Recipient, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Consent {g.Reference} is not of the data set {dataSet.Purpose}/{dataSet.Recipient}.", nameof(active));
            }

            // Validity is cut to the data set's period: the days a consent began and ends would otherwise stand in
            // the state of every period it spans and join them. The period's bounds are the same for every household.
            var from = g.ValidFrom > dataSet.Start ? g.ValidFrom : dataSet.Start;
            var until = g.ExpiresAt < dataSet.End ? g.ExpiresAt : dataSet.End;
            grants.Add(new ConsentStateGrant(
                await dataSets.ReferenceAsync(dataSet, g.ConsentId, g.Version, cancellationToken), g.Category, g.Granularity, g.Purpose, g.PurposeIri,
                g.Recipient, g.OnwardSharing, g.Transform.RoundTo, g.Transform.NoiseScale, Day(from), Day(until), g.Retention)
            {
                // Only a grant the household shared its district under carries one; otherwise nothing locates it.
                District = g.District,
            });
        }

        // Ordered by reference, not consent id: the order must not hint at the ids behind the references.
        grants.Sort((a, b) => string.CompareOrdinal(a.Consent, b.Consent));
        return new UplinkMessage(
            messageId,
            WireTopics.ConsentState(dataSet.Purpose, dataSet.Pseudonym),
            ConsentStatePayload.Write(new ConsentStateMessage(dataSet.Pseudonym, Day(now), grants)),
            ContentTypes.Json,
            UserProperties.Of(SchemaIds.ConsentState, messageId),
            consentReference: null,
            retain: true,
            now);
    }

    /// <summary>
    /// Clears the retained consent state of <paramref name="dataSet"/> once its period is over (an empty retained
    /// payload): a recipient subscribing later finds only current data sets, and nothing stays that could be
    /// compared with the next period's state.
    /// </summary>
    public UplinkMessage CreateClearedConsentState(DataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        var now = time.GetUtcNow();
        var messageId = NewMessageId();
        return new UplinkMessage(
            messageId,
            WireTopics.ConsentState(dataSet.Purpose, dataSet.Pseudonym),
            ReadOnlyMemory<byte>.Empty,
            ContentTypes.Json,
            UserProperties.Of(SchemaIds.ConsentState, messageId),
            consentReference: null,
            retain: true,
            now);
    }

    /// <summary>
    /// Asks the recipient of <paramref name="withdrawn"/> to delete what it received in <paramref name="dataSet"/>
    /// under the consent's <paramref name="versions"/>, named by their opaque references in that data set (the
    /// recipient cannot find the data otherwise). With <paramref name="supersededVersion"/> the request covers only
    /// that version, whose terms the household replaced (<c>"scope":"version"</c>); otherwise every version.
    /// </summary>
    public async Task<UplinkMessage> CreateDeletionRequestAsync(
        ConsentGrant withdrawn, DataSet dataSet, IReadOnlyList<int> versions, bool supersededVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawn);
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(versions);
        var now = time.GetUtcNow();
        var messageId = NewMessageId();
        var references = new List<string>(versions.Count);
        foreach (var version in versions.Distinct())
        {
            references.Add(await dataSets.ReferenceAsync(dataSet, withdrawn.ConsentId, version, cancellationToken));
        }

        references.Sort(StringComparer.Ordinal);
        var request = new DeletionRequestMessage(
            references,
            withdrawn.Status.ToString(),
            supersededVersion ? DeletionRequestPayload.VersionScope : DeletionRequestPayload.ConsentScope,
            withdrawn.Category,
            withdrawn.Purpose,
            withdrawn.Recipient,
            dataSet.Pseudonym,
            Day(now));
        return new UplinkMessage(
            messageId,
            WireTopics.Deletion(dataSet.Purpose, dataSet.Pseudonym),
            DeletionRequestPayload.Write(request),
            ContentTypes.Json,
            UserProperties.Of(SchemaIds.DeletionRequest, messageId, purpose: withdrawn.Purpose),
            withdrawn.Reference,
            retain: false,
            now);
    }

    // A random UUID v4 (hex): an id must not carry the time it was made (a UUID v7 would date the
    // "I'm safe" press to the millisecond although the payload promises only the day).
    private string NewMessageId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.GetBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return Convert.ToHexStringLower(bytes);
    }

    // Consent state and deletion requests carry days only: the exact second of a household decision
    // says when someone was at home and awake.
    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
