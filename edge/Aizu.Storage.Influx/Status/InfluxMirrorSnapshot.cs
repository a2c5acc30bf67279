namespace Aizu.Storage.Influx;

/// <summary>The InfluxDB mirror's status at one moment, for the panel.</summary>
/// <param name="State">What it is doing.</param>
/// <param name="Target">Where it writes: the server address and bucket (or database/retention policy), never credentials.</param>
/// <param name="LastSuccessAt">When a write (or a check that found nothing new) last succeeded; null before the first.</param>
/// <param name="LastError">The last failure, in words (for example "connection refused"); null when the last attempt succeeded.</param>
/// <param name="LastErrorAt">When <paramref name="LastError"/> happened; null when there is none.</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last success.</param>
/// <param name="NextAttemptAt">When the next attempt is due while <see cref="InfluxMirrorState.Retrying"/>; null otherwise.</param>
/// <param name="PointsSent">Points (raw readings and rollup buckets) written to this target, ever (kept in the store).</param>
/// <param name="PointsSentSinceStart">Points written since the gateway started.</param>
/// <param name="Backlog">Raw readings in the store not yet written; rollups follow their readings. Null until first counted.</param>
/// <param name="MirroredThrough">Every series' raw readings up to this instant are in InfluxDB; null before the first write.</param>
public sealed record InfluxMirrorSnapshot(
    InfluxMirrorState State,
    string Target,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures,
    DateTimeOffset? NextAttemptAt,
    long PointsSent,
    long PointsSentSinceStart,
    long? Backlog,
    DateTimeOffset? MirroredThrough)
{
    /// <summary>This status after a pass that wrote everything it took at <paramref name="at"/>: no failure pending.</summary>
    internal InfluxMirrorSnapshot Succeeded(InfluxMirrorState state, DateTimeOffset at, long pointsSent, long pointsSentSinceStart) => this with
    {
        State = state,
        LastSuccessAt = at,
        ConsecutiveFailures = 0,
        NextAttemptAt = null,
        PointsSent = pointsSent,
        PointsSentSinceStart = pointsSentSinceStart,
    };
}
