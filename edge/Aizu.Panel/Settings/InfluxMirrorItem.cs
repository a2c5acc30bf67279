namespace Aizu.Panel;

/// <summary>The InfluxDB mirror in <c>GET /api/settings</c>; the whole object is null when no mirror is configured.</summary>
internal sealed record InfluxMirrorItem(
    string State,
    string Target,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures,
    DateTimeOffset? NextAttemptAt,
    long PointsSent,
    long? Backlog,
    DateTimeOffset? MirroredThrough)
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
