namespace Aizu.Storage.Influx;

/// <summary>What the InfluxDB mirror is doing, in one word for the panel.</summary>
public enum InfluxMirrorState
{
    /// <summary>Started, no write attempted yet.</summary>
    Starting = 0,

    /// <summary>Everything stored so far has been written; waiting for new data.</summary>
    UpToDate = 1,

    /// <summary>Writing a backlog (after a start, an outage or a burst of data).</summary>
    CatchingUp = 2,

    /// <summary>The last attempt failed (server unreachable, refused the write, or the store was unavailable); retrying with back-off. Nothing is lost.</summary>
    Retrying = 3,

    /// <summary>The gateway is shutting down.</summary>
    Stopped = 4,
}
