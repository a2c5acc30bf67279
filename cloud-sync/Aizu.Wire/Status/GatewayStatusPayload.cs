namespace Aizu.Wire;

/// <summary><c>{"state":"online","sw":"…"}</c> or <c>{"state":"offline"}</c>, retained on <see cref="WireTopics.Status"/>.</summary>
public static class GatewayStatusPayload
{
    /// <summary>The birth state.</summary>
    public const string Online = "online";

    /// <summary>The will's state (and what a gateway says before a graceful disconnect).</summary>
    public const string Offline = "offline";

    private const string What = "gateway status";

    /// <summary>The payload bytes.</summary>
    public static byte[] Write(GatewayStatusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WireJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("state", message.State);
            if (message.Software is { } software)
            {
                json.WriteString("sw", software);
            }

            json.WriteEndObject();
        });
    }

    /// <summary>Reads a payload written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">It is not one; the message says why.</exception>
    public static GatewayStatusMessage Read(ReadOnlySpan<byte> payload)
    {
        using var document = WireJson.Parse(payload, What);
        var root = WireJson.Object(document.RootElement, What);
        var state = WireJson.Text(root, "state", What);
        if (state is not (Online or Offline))
        {
            throw new FormatException($"The {What}'s state '{state}' is neither {Online} nor {Offline}.");
        }

        return new GatewayStatusMessage(state, root.TryGetProperty("sw", out _) ? WireJson.Text(root, "sw", What) : null);
    }
}
