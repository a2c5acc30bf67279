namespace Aizu.Wire;

/// <summary>
/// The one SenML record (RFC 8428, JSON) released per window:
/// <c>[{"bn":"urn:dev:os:32473-{pseudonym}:","bver":26,"n":"{category}","u":"Wh","v":…,"t":…,"agg":"P1D"}]</c>.
/// </summary>
/// <remarks>
/// <c>Wh</c> is a secondary unit (RFC 8798), so the pack declares SenML version 26 (RFC 9100 feature 4).
/// <c>t</c> is the window start in seconds since the epoch. <c>agg</c> names the window length; it is
/// not a registered label and, not ending in '_', SenML readers that do not know it ignore it (the
/// same value travels in the <c>agg</c> user property). 32473 is the private enterprise number
/// reserved for documentation (RFC 5612) until the city registers its own.
/// </remarks>
public static class EnergyWindowPayload
{
    /// <summary>Prefix of the base name; the pseudonym and ':' follow.</summary>
    public const string BaseNamePrefix = "urn:dev:os:32473-";

    /// <summary>SenML version with secondary units.</summary>
    public const int Version = 26;

    /// <summary>The unit of every released energy.</summary>
    public const string Unit = "Wh";

    private const string What = "energy window (SenML)";

    /// <summary>The payload bytes.</summary>
    public static byte[] Write(EnergyWindowMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WireJson.Write(json =>
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("bn", $"{BaseNamePrefix}{message.Pseudonym}:");
            json.WriteNumber("bver", Version);
            json.WriteString("n", message.Category);
            json.WriteString("u", Unit);
            json.WriteNumber("v", message.ValueWh);
            json.WriteNumber("t", message.WindowStart.ToUnixTimeSeconds());
            json.WriteString("agg", message.Aggregation);
            json.WriteEndObject();
            json.WriteEndArray();
        });
    }

    /// <summary>Reads a payload written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">It is not one; the message says why.</exception>
    public static EnergyWindowMessage Read(ReadOnlySpan<byte> payload)
    {
        using var document = WireJson.Parse(payload, What);
        if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() != 1)
        {
            throw new FormatException($"The {What} is not a pack of exactly one record.");
        }

        var record = WireJson.Object(document.RootElement[0], What);
        var baseName = WireJson.Text(record, "bn", What);
        if (!baseName.StartsWith(BaseNamePrefix, StringComparison.Ordinal) || !baseName.EndsWith(':') || baseName.Length <= BaseNamePrefix.Length + 1)
        {
            throw new FormatException($"The {What}'s base name '{baseName}' is not {BaseNamePrefix}{{pseudonym}}:.");
        }

        if (WireJson.Number(record, "bver", What) != Version || WireJson.Text(record, "u", What) != Unit)
        {
            throw new FormatException($"The {What} is not SenML version {Version} in {Unit}.");
        }

        var seconds = WireJson.Number(record, "t", What);
        if (seconds != Math.Floor(seconds) || seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new FormatException($"The {What}'s 't' is not whole seconds since the epoch.");
        }

        return new EnergyWindowMessage(
            baseName[BaseNamePrefix.Length..^1],
            WireJson.Text(record, "n", What),
            DateTimeOffset.FromUnixTimeSeconds((long)seconds),
            WireJson.Text(record, "agg", What),
            WireJson.Number(record, "v", What));
    }
}
