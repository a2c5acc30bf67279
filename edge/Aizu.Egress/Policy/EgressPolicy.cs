using System.Security.Cryptography;
using Aizu.Consent;
using Aizu.Uplink.Messages;
using Aizu.Wire;
using Microsoft.Extensions.Options;

namespace Aizu.Egress;

/// <summary>
/// The only place where an <see cref="UplinkMessage"/> is made. A data message is made only for a
/// closed window of exactly the granularity a grant names, while that grant is active, for exactly its
/// category, purpose and recipient; the value is minimised as the grant says and the message carries
/// <c>consent-id@version</c>. The other messages it makes, the consent state and deletion requests,
/// carry no household values.
/// </summary>
public sealed class EgressPolicy
{
    private readonly ConsentGate gate;
    private readonly HouseholdPseudonyms pseudonyms;
    private readonly WindowCutter calendar;
    private readonly ValueMinimiser minimiser;
    private readonly TimeProvider time;
    private readonly RandomNumberGenerator random;
    private readonly string gatewayId;

    /// <summary>Creates the policy.</summary>
    public EgressPolicy(
        ConsentGate gate,
        HouseholdPseudonyms pseudonyms,
        WindowCutter calendar,
        ValueMinimiser minimiser,
        TimeProvider time,
        RandomNumberGenerator random,
        IOptions<EgressOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.gate = gate;
        this.pseudonyms = pseudonyms;
        this.calendar = calendar;
        this.minimiser = minimiser;
        this.time = time;
        this.random = random;
        gatewayId = options.Value.GatewayId;
    }

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
        var pseudonym = await pseudonyms.ForAsync(terms.Purpose, calendar.LocalYear(window.Start), cancellationToken);
        var messageId = NewMessageId();
        var message = new UplinkMessage(
            messageId,
            WireTopics.Data(terms.Purpose, terms.Category, pseudonym),
            EnergyWindowPayload.Write(new EnergyWindowMessage(pseudonym, terms.Category, window.Start, window.Granularity, value)),
            ContentTypes.SenmlJson,
            UserProperties.Of(SchemaIds.EnergyWindow, messageId, terms.Reference, terms.Purpose, terms.Granularity),
            terms.Reference,
            retain: false,
            now);
        return new ReleaseDecision(terms, window, ReleaseOutcome.Released, "", message, pseudonym);
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
        var pseudonym = await pseudonyms.ForAsync(terms.Purpose, calendar.LocalYear(window.Start), cancellationToken);
        var messageId = NewMessageId();
        var message = new UplinkMessage(
            messageId,
            WireTopics.Data(terms.Purpose, terms.Category, pseudonym),
            AlertAckPayload.Write(new AlertAckMessage(alertReference, window.Start, terms.Granularity, pseudonym)),
            ContentTypes.Json,
            UserProperties.Of(SchemaIds.AlertAck, messageId, terms.Reference, terms.Purpose, terms.Granularity),
            terms.Reference,
            retain: false,
            now);
        return new AcknowledgementDecision(terms, alertReference, acknowledgedAt, ReleaseOutcome.Released, "", message, pseudonym);
    }

    /// <summary>
    /// The retained consent state: the active grants' references and terms, never a value. The
    /// recipient learns which purposes the household joined, which it needs to accept the data.
    /// </summary>
    public UplinkMessage CreateConsentState(IReadOnlyList<ConsentGrant> active)
    {
        ArgumentNullException.ThrowIfNull(active);
        var now = time.GetUtcNow();
        var messageId = NewMessageId();
        var grants = active
            .OrderBy(g => g.ConsentId, StringComparer.Ordinal)
            .Select(g => new ConsentStateGrant(
                g.Reference, g.Category, g.Granularity, g.Purpose, g.PurposeIri, g.Recipient, g.OnwardSharing,
                g.Transform.RoundTo, g.Transform.NoiseScale, Day(g.ValidFrom), Day(g.ExpiresAt), g.Retention))
            .ToList();
        return new UplinkMessage(
            messageId,
            WireTopics.ConsentState(gatewayId),
            ConsentStatePayload.Write(new ConsentStateMessage(gatewayId, Day(now), grants)),
            ContentTypes.Json,
            UserProperties.Of(SchemaIds.ConsentState, messageId),
            consentReference: null,
            retain: true,
            now);
    }

    /// <summary>
    /// Asks the recipient of <paramref name="withdrawn"/> to delete what it received under that consent,
    /// naming the pseudonyms it was sent under (the recipient cannot find the data otherwise). With
    /// <paramref name="supersededVersion"/> the request covers only that version, whose terms the
    /// household replaced (<c>"scope":"version"</c>); otherwise every version of the consent.
    /// </summary>
    public UplinkMessage CreateDeletionRequest(ConsentGrant withdrawn, IReadOnlyList<string> usedPseudonyms, bool supersededVersion = false)
    {
        ArgumentNullException.ThrowIfNull(withdrawn);
        ArgumentNullException.ThrowIfNull(usedPseudonyms);
        var now = time.GetUtcNow();
        var messageId = NewMessageId();
        var request = new DeletionRequestMessage(
            withdrawn.Reference,
            withdrawn.Status.ToString(),
            supersededVersion ? DeletionRequestPayload.VersionScope : DeletionRequestPayload.ConsentScope,
            withdrawn.Category,
            withdrawn.Purpose,
            withdrawn.Recipient,
            usedPseudonyms.Order(StringComparer.Ordinal).ToList(),
            Day(now));
        return new UplinkMessage(
            messageId,
            WireTopics.Deletion(gatewayId),
            DeletionRequestPayload.Write(request),
            ContentTypes.Json,
            UserProperties.Of(SchemaIds.DeletionRequest, messageId, withdrawn.Reference, withdrawn.Purpose),
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
