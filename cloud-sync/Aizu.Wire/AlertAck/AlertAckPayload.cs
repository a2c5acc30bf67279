namespace Aizu.Wire;

/// <summary>
/// <c>{"ack":"safe","alert":…,"window":…,"agg":…,"pseudonym":…}</c> (schema <see cref="SchemaIds.AlertAck"/>).
/// </summary>
public static class AlertAckPayload
{
    /// <summary>The only answer there is.</summary>
    public const string Safe = "safe";

    private const string What = "alert acknowledgement";

    /// <summary>The payload bytes.</summary>
    public static byte[] Write(AlertAckMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WireJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("ack", Safe);
            json.WriteString("alert", message.Alert);
            json.WriteString("window", WireJson.Time(message.Window));
            json.WriteString("agg", message.Aggregation);
            json.WriteString("pseudonym", message.Pseudonym);
            json.WriteEndObject();
        });
    }

    /// <summary>Reads a payload written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">It is not one; the message says why.</exception>
    public static AlertAckMessage Read(ReadOnlySpan<byte> payload)
    {
        using var document = WireJson.Parse(payload, What);
        var root = WireJson.Object(document.RootElement, What);
        WireJson.Marker(root, "ack", Safe, What);
        return new AlertAckMessage(
            WireJson.Text(root, "alert", What),
            WireJson.Time(root, "window", What),
            WireJson.Text(root, "agg", What),
            WireJson.Text(root, "pseudonym", What));
    }
}
