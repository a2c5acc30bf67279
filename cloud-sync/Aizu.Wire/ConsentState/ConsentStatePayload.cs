namespace Aizu.Wire;

/// <summary>
/// <c>{"pseudonym":…,"at":…,"grants":[{"consent":…,"category":…,"granularity":…,"purpose":…,"purposeIri":…,
/// "recipient":…,"onwardSharing":…,"roundTo":…,"noiseScale":…,"validFrom":…,"expiresAt":…,"retention":…[,"district":…]}]}</c>
/// (schema <see cref="SchemaIds.ConsentState"/>). An empty payload (retained) clears a data set whose period
/// ended: <see cref="IsCleared"/>.
/// </summary>
public static class ConsentStatePayload
{
    private const string What = "consent state";

    /// <summary>The payload bytes.</summary>
    public static byte[] Write(ConsentStateMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WireJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("pseudonym", message.Pseudonym);
            json.WriteString("at", WireJson.Day(message.At));
            json.WriteStartArray("grants");
            foreach (var grant in message.Grants)
            {
                json.WriteStartObject();
                json.WriteString("consent", grant.Consent);
                json.WriteString("category", grant.Category);
                json.WriteString("granularity", grant.Granularity);
                json.WriteString("purpose", grant.Purpose);
                json.WriteString("purposeIri", grant.PurposeIri);
                json.WriteString("recipient", grant.Recipient);
                json.WriteBoolean("onwardSharing", grant.OnwardSharing);
                json.WriteNumber("roundTo", grant.RoundTo);
                json.WriteNumber("noiseScale", grant.NoiseScale);
                json.WriteString("validFrom", WireJson.Day(grant.ValidFrom));
                json.WriteString("expiresAt", WireJson.Day(grant.ExpiresAt));
                json.WriteString("retention", grant.Retention);
                if (grant.District is { } district)
                {
                    json.WriteString("district", district);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// True for the empty retained payload that clears a data set's state when its period has ended (MQTT removes the
    /// retained message): the recipient learns nothing new, and the next period's state lives under another pseudonym.
    /// </summary>
    public static bool IsCleared(ReadOnlySpan<byte> payload) => payload.IsEmpty;

    /// <summary>Reads a payload written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">It is not one; the message says why.</exception>
    public static ConsentStateMessage Read(ReadOnlySpan<byte> payload)
    {
        using var document = WireJson.Parse(payload, What);
        var root = WireJson.Object(document.RootElement, What);
        var grants = new List<ConsentStateGrant>();
        foreach (var element in WireJson.Array(root, "grants", What))
        {
            var grant = WireJson.Object(element, What + " grant");
            string? district = null;
            if (grant.TryGetProperty("district", out var named))
            {
                district = named.ValueKind == System.Text.Json.JsonValueKind.String ? named.GetString() : null;
                if (!DistrictCodes.IsValid(district))
                {
                    throw new FormatException($"The {What}'s 'district' is not a district code (levels of a-z, 0-9 and '-' joined by '/').");
                }
            }

            grants.Add(new ConsentStateGrant(
                WireJson.Text(grant, "consent", What),
                WireJson.Text(grant, "category", What),
                WireJson.Text(grant, "granularity", What),
                WireJson.Text(grant, "purpose", What),
                WireJson.Text(grant, "purposeIri", What),
                WireJson.Text(grant, "recipient", What),
                WireJson.Boolean(grant, "onwardSharing", What),
                WireJson.Number(grant, "roundTo", What),
                WireJson.Number(grant, "noiseScale", What),
                WireJson.Day(grant, "validFrom", What),
                WireJson.Day(grant, "expiresAt", What),
                WireJson.Text(grant, "retention", What))
            {
                District = district,
            });
        }

        return new ConsentStateMessage(WireJson.Text(root, "pseudonym", What), WireJson.Day(root, "at", What), grants);
    }
}
