using System.Globalization;
using System.Text.Json;
using Aizu.Consent;
using Aizu.Uplink.Messages;
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
    private readonly string gatewayId;

    /// <summary>Creates the policy.</summary>
    public EgressPolicy(
        ConsentGate gate,
        HouseholdPseudonyms pseudonyms,
        WindowCutter calendar,
        ValueMinimiser minimiser,
        TimeProvider time,
        IOptions<EgressOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.gate = gate;
        this.pseudonyms = pseudonyms;
        this.calendar = calendar;
        this.minimiser = minimiser;
        this.time = time;
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

        if (!UplinkTopics.IsLevel(terms.Purpose) || !UplinkTopics.IsLevel(terms.Category))
        {
            return Refuse($"purpose '{terms.Purpose}' or category '{terms.Category}' cannot be a topic level");
        }

        if (!double.IsFinite(energy) || energy < 0)
        {
            return Refuse($"energy {energy} Wh is not a releasable value");
        }

        var value = minimiser.Apply(energy, grant.Transform);
        var pseudonym = await pseudonyms.ForAsync(terms.Purpose, calendar.LocalYear(window.Start), cancellationToken);
        var messageId = NewMessageId(now);
        var message = new UplinkMessage(
            messageId,
            UplinkTopics.Data(terms.Purpose, terms.Category, pseudonym),
            SenmlEnergyPayload.Write(pseudonym, terms.Category, window, value),
            UplinkProperties.SenmlJson,
            [
                new(UplinkProperties.ConsentId, terms.Reference),
                new(UplinkProperties.Purpose, terms.Purpose),
                new(UplinkProperties.Aggregation, terms.Granularity),
                new(UplinkProperties.Schema, UplinkProperties.EnergySchema),
                new(UplinkProperties.MessageId, messageId),
            ],
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

        if (!UplinkTopics.IsLevel(terms.Purpose))
        {
            return Refuse($"purpose '{terms.Purpose}' cannot be a topic level");
        }

        if (alertReference.Length is 0 or > 512 || alertReference.Any(char.IsControl))
        {
            return Refuse("the alert reference is not a CAP reference");
        }

        var window = calendar.Containing(acknowledgedAt > now ? now : acknowledgedAt, terms.Granularity);
        var pseudonym = await pseudonyms.ForAsync(terms.Purpose, calendar.LocalYear(window.Start), cancellationToken);
        var messageId = NewMessageId(now);
        var payload = Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("ack", "safe");
            json.WriteString("alert", alertReference);
            json.WriteString("window", Timestamp(window.Start));
            json.WriteString("agg", terms.Granularity);
            json.WriteString("pseudonym", pseudonym);
            json.WriteEndObject();
        });
        var message = new UplinkMessage(
            messageId,
            UplinkTopics.Data(terms.Purpose, terms.Category, pseudonym),
            payload,
            UplinkProperties.Json,
            [
                new(UplinkProperties.ConsentId, terms.Reference),
                new(UplinkProperties.Purpose, terms.Purpose),
                new(UplinkProperties.Aggregation, terms.Granularity),
                new(UplinkProperties.Schema, UplinkProperties.AcknowledgementSchema),
                new(UplinkProperties.MessageId, messageId),
            ],
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
        var messageId = NewMessageId(now);
        var payload = Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("gw", gatewayId);
            json.WriteString("at", Timestamp(now));
            json.WriteStartArray("grants");
            foreach (var grant in active.OrderBy(g => g.ConsentId, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("consent", grant.Reference);
                json.WriteString("category", grant.Category);
                json.WriteString("granularity", grant.Granularity);
                json.WriteString("purpose", grant.Purpose);
                json.WriteString("purposeIri", grant.PurposeIri);
                json.WriteString("recipient", grant.Recipient);
                json.WriteBoolean("onwardSharing", grant.OnwardSharing);
                json.WriteNumber("roundTo", grant.Transform.RoundTo);
                json.WriteNumber("noiseScale", grant.Transform.NoiseScale);
                json.WriteString("validFrom", Timestamp(grant.ValidFrom));
                json.WriteString("expiresAt", Timestamp(grant.ExpiresAt));
                json.WriteString("retention", grant.Retention);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
        return new UplinkMessage(
            messageId,
            UplinkTopics.ConsentState(gatewayId),
            payload,
            UplinkProperties.Json,
            [
                new(UplinkProperties.Schema, UplinkProperties.ConsentStateSchema),
                new(UplinkProperties.MessageId, messageId),
            ],
            consentReference: null,
            retain: true,
            now);
    }

    /// <summary>
    /// Asks the recipient of <paramref name="withdrawn"/> to delete what it received under that consent,
    /// naming the pseudonyms it was sent under (the recipient cannot find the data otherwise).
    /// </summary>
    public UplinkMessage CreateDeletionRequest(ConsentGrant withdrawn, IReadOnlyList<string> usedPseudonyms)
    {
        ArgumentNullException.ThrowIfNull(withdrawn);
        ArgumentNullException.ThrowIfNull(usedPseudonyms);
        var now = time.GetUtcNow();
        var messageId = NewMessageId(now);
        var payload = Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("request", "delete");
            json.WriteString("consent", withdrawn.Reference);
            json.WriteString("status", withdrawn.Status.ToString());
            json.WriteString("category", withdrawn.Category);
            json.WriteString("purpose", withdrawn.Purpose);
            json.WriteString("recipient", withdrawn.Recipient);
            json.WriteStartArray("pseudonyms");
            foreach (var pseudonym in usedPseudonyms.Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(pseudonym);
            }

            json.WriteEndArray();
            json.WriteString("at", Timestamp(now));
            json.WriteEndObject();
        });
        return new UplinkMessage(
            messageId,
            UplinkTopics.Deletion(gatewayId),
            payload,
            UplinkProperties.Json,
            [
                new(UplinkProperties.ConsentId, withdrawn.Reference),
                new(UplinkProperties.Purpose, withdrawn.Purpose),
                new(UplinkProperties.Schema, UplinkProperties.DeletionSchema),
                new(UplinkProperties.MessageId, messageId),
            ],
            withdrawn.Reference,
            retain: false,
            now);
    }

    // Time-ordered ids sort like the outbox, which helps whoever reads a de-duplication table.
    private static string NewMessageId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    // UTC with 'Z': unambiguous, and no '+' for the JSON writer to escape.
    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return buffer.ToArray();
    }
}
