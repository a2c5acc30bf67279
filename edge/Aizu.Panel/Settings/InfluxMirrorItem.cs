using System.Text.Json.Serialization;
using Aizu.Storage.Influx;

namespace Aizu.Panel;

/// <summary>The InfluxDB mirror in <c>GET /api/settings</c>; the whole object is null when no mirror is configured.</summary>
internal sealed record InfluxMirrorItem(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("lastSuccessAt")] DateTimeOffset? LastSuccessAt,
    [property: JsonPropertyName("lastError")] string? LastError,
    [property: JsonPropertyName("lastErrorAt")] DateTimeOffset? LastErrorAt,
    [property: JsonPropertyName("consecutiveFailures")] int ConsecutiveFailures,
    [property: JsonPropertyName("nextAttemptAt")] DateTimeOffset? NextAttemptAt,
    [property: JsonPropertyName("pointsSent")] long PointsSent,
    [property: JsonPropertyName("backlog")] long? Backlog,
    [property: JsonPropertyName("mirroredThrough")] DateTimeOffset? MirroredThrough)
{
    public static InfluxMirrorItem From(InfluxMirrorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = snapshot.State.ToString();
        return new(
            char.ToLowerInvariant(state[0]) + state[1..],
            snapshot.Target,
            snapshot.LastSuccessAt,
            snapshot.LastError,
            snapshot.LastErrorAt,
            snapshot.ConsecutiveFailures,
            snapshot.NextAttemptAt,
            snapshot.PointsSent,
            snapshot.Backlog,
            snapshot.MirroredThrough);
    }
}
