namespace Aizu.Readings;

/// <summary>Whether one configured sensor answers, as the panel's <c>GET /api/status</c> shows it.</summary>
/// <param name="Sensor">The sensor as the log names it, for example <c>DS18B20 28-00000000a1b2 (hallway)</c>.</param>
/// <param name="Room">The room its readings are stored under.</param>
/// <param name="Answering">Whether its last read gave a reading; false before the first read.</param>
/// <param name="LastAnsweredAt">When it last gave a reading, or null if it never did in this run.</param>
/// <param name="NotAnsweringSince">When its current run of failed reads began; null while it answers.</param>
/// <param name="LastError">Its last failure in one line (kept after it answers again), or null if it never failed in this run.</param>
public sealed record SensorHealth(
    string Sensor,
    string Room,
    bool Answering,
    DateTimeOffset? LastAnsweredAt,
    DateTimeOffset? NotAnsweringSince,
    string? LastError);
