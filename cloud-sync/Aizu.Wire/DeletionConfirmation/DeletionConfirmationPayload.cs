namespace Aizu.Wire;

/// <summary>
/// <c>{"confirm":"deleted","consent":…,"purpose":…,"category":…,"pseudonym":…,"recipient":…,"request":…,"rows":…,"at":…}</c>
/// (schema <see cref="SchemaIds.DeletionConfirmation"/>), signed by the recipient as a JWS with content type
/// <see cref="JwsContentTypes.DeletionConfirmation"/> and published retained on
/// <see cref="WireTopics.DeletionConfirmation"/>.
/// </summary>
public static class DeletionConfirmationPayload
{
    /// <summary>The value of <c>confirm</c>.</summary>
    public const string Confirm = "deleted";

    private const string What = "deletion confirmation";

    /// <summary>The payload bytes (what is signed).</summary>
    public static byte[] Write(DeletionConfirmationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WireJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("confirm", Confirm);
            json.WriteString("consent", message.Consent);
            json.WriteString("purpose", message.Purpose);
            json.WriteString("category", message.Category);
            json.WriteString("pseudonym", message.Pseudonym);
            json.WriteString("recipient", message.Recipient);
            json.WriteString("request", message.Request);
            json.WriteNumber("rows", message.Rows);
            json.WriteString("at", WireJson.Time(message.At));
            json.WriteEndObject();
        });
    }

    /// <summary>Reads a payload written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">It is not one; the message says why.</exception>
    public static DeletionConfirmationMessage Read(ReadOnlySpan<byte> payload)
    {
        using var document = WireJson.Parse(payload, What);
        var root = WireJson.Object(document.RootElement, What);
        WireJson.Marker(root, "confirm", Confirm, What);
        var rows = WireJson.Number(root, "rows", What);
        if (rows < 0 || rows != Math.Floor(rows))
        {
            throw new FormatException($"The {What}'s 'rows' is not a count.");
        }

        return new DeletionConfirmationMessage(
            WireJson.Text(root, "consent", What),
            WireJson.Text(root, "purpose", What),
            WireJson.Text(root, "category", What),
            WireJson.Text(root, "pseudonym", What),
            WireJson.Text(root, "recipient", What),
            WireJson.Text(root, "request", What),
            (long)rows,
            WireJson.Time(root, "at", What));
    }
}
