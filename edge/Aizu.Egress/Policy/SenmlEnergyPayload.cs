using System.Text.Json;

namespace Aizu.Egress;

/// <summary>
/// Writes the one SenML record (RFC 8428, JSON) the gateway releases per window:
/// <c>[{"bn":"urn:dev:os:32473-{pseudonym}:","bver":26,"n":"{category}","u":"Wh","v":…,"t":…,"agg":"P1D"}]</c>.
/// </summary>
/// <remarks>
/// <c>Wh</c> is a secondary unit (RFC 8798), so the pack declares SenML version 26 (RFC 9100 feature 4).
/// <c>t</c> is the window start in seconds since the epoch. <c>agg</c> names the window length; it is
/// not a registered label and, not ending in '_', SenML readers that do not know it ignore it (the
/// same value travels in the <c>agg</c> user property). 32473 is the private enterprise number
/// reserved for documentation (RFC 5612) until the city registers its own.
/// </remarks>
public static class SenmlEnergyPayload
{
    /// <summary>Prefix of the base name; the pseudonym follows.</summary>
    public const string BaseNamePrefix = "urn:dev:os:32473-";

    /// <summary>SenML version with secondary units.</summary>
    public const int Version = 26;

    /// <summary>The unit of every released energy.</summary>
    public const string Unit = "Wh";

    /// <summary>The payload bytes.</summary>
    public static byte[] Write(string pseudonym, string category, AggregationWindow window, double valueWh)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("bn", $"{BaseNamePrefix}{pseudonym}:");
            json.WriteNumber("bver", Version);
            json.WriteString("n", category);
            json.WriteString("u", Unit);
            json.WriteNumber("v", valueWh);
            json.WriteNumber("t", window.Start.ToUnixTimeSeconds());
            json.WriteString("agg", window.Granularity);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
