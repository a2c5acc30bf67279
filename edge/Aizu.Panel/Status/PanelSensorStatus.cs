namespace Aizu.Panel;

/// <summary>
/// One indoor sensor in <c>GET /api/status</c>: whether it answers, since when it has not, and its last error in one
/// line. The source that reads it keeps running (and so shows as up) while one of its sensors fails.
/// </summary>
internal sealed record PanelSensorStatus(
    string Sensor,
    string Room,
    bool Answering,
    DateTimeOffset? LastAnsweredAt,
    DateTimeOffset? NotAnsweringSince,
    string? LastError)
{
    public static PanelSensorStatus From(SensorHealth health) =>
        new(health.Sensor, health.Room, health.Answering, health.LastAnsweredAt, health.NotAnsweringSince, health.LastError);
}
