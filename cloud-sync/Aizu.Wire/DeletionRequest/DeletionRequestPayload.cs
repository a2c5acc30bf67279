namespace Aizu.Wire;

/// <summary>
/// <c>{"request":"delete","consents":[…],"status":…,"scope":…,"category":…,"purpose":…,"recipient":…,"pseudonym":…,"at":…}</c>
/// (schema <see cref="SchemaIds.DeletionRequest"/>).
/// </summary>
public static class DeletionRequestPayload
{
    /// <summary>The value of <c>request</c>.</summary>
    public const string Request = "delete";

    /// <summary>The value of <c>scope</c> that asks for every version of the consent.</summary>
    public const string ConsentScope = "consent";

    /// <summary>The value of <c>scope</c> that asks only for the named version (its terms were superseded).</summary>
    public const string VersionScope = "version";

    private const string What = "deletion request";

    /// <summary>The payload bytes.</summary>
    public static byte[] Write(DeletionRequestMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WireJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("request", Request);
            json.WriteStartArray("consents");
            foreach (var consent in message.Consents)
            {
                json.WriteStringValue(consent);
            }

            json.WriteEndArray();
            json.WriteString("status", message.Status);
            json.WriteString("scope", message.Scope);
            json.WriteString("category", message.Category);
            json.WriteString("purpose", message.Purpose);
            json.WriteString("recipient", message.Recipient);
            json.WriteString("pseudonym", message.Pseudonym);
            json.WriteString("at", WireJson.Day(message.At));
            json.WriteEndObject();
        });
    }

    /// <summary>Reads a payload written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">It is not one; the message says why.</exception>
    public static DeletionRequestMessage Read(ReadOnlySpan<byte> payload)
    {
        using var document = WireJson.Parse(payload, What);
        var root = WireJson.Object(document.RootElement, What);
        WireJson.Marker(root, "request", Request, What);
        var scope = WireJson.Text(root, "scope", What);
        if (scope is not (ConsentScope or VersionScope))
        {
            throw new FormatException($"The {What}'s 'scope' is neither '{ConsentScope}' nor '{VersionScope}'.");
        }

        var consents = new List<string>();
        foreach (var consent in WireJson.Array(root, "consents", What))
        {
            consents.Add(consent.ValueKind == System.Text.Json.JsonValueKind.String ? consent.GetString()! : throw new FormatException($"The {What} lists a consent reference that is not text."));
        }

        return new DeletionRequestMessage(
            consents,
            WireJson.Text(root, "status", What),
            scope,
            WireJson.Text(root, "category", What),
            WireJson.Text(root, "purpose", What),
            WireJson.Text(root, "recipient", What),
            WireJson.Text(root, "pseudonym", What),
            WireJson.Day(root, "at", What));
    }
}
