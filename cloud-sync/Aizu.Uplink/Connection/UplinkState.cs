namespace Aizu.Uplink;

/// <summary>The uplink's connection as the panel shows it. Updated by <see cref="UplinkService"/> only.</summary>
public sealed class UplinkState
{
    private readonly Lock sync = new();
    private (bool Connected, DateTimeOffset? Since, string? LastError, int Failures, long Delivered, long Refused) state;

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected { get { lock (sync) { return state.Connected; } } }

    /// <summary>When the current connection (or outage) began.</summary>
    public DateTimeOffset? Since { get { lock (sync) { return state.Since; } } }

    /// <summary>Why the last connection ended or the last attempt failed.</summary>
    public string? LastError { get { lock (sync) { return state.LastError; } } }

    /// <summary>Failed connection attempts since the last success.</summary>
    public int ConsecutiveFailures { get { lock (sync) { return state.Failures; } } }

    /// <summary>Messages the broker accepted since start.</summary>
    public long Delivered { get { lock (sync) { return state.Delivered; } } }

    /// <summary>Sends the broker refused (reason code 0x80 or above) since start.</summary>
    public long Refused { get { lock (sync) { return state.Refused; } } }

    internal void Connected(DateTimeOffset at)
    {
        lock (sync)
        {
            state = state with { Connected = true, Since = at, Failures = 0 };
        }
    }

    internal void Disconnected(DateTimeOffset at, string reason)
    {
        lock (sync)
        {
            state = state with { Connected = false, Since = state.Connected ? at : state.Since ?? at, LastError = reason, Failures = state.Failures + 1 };
        }
    }

    internal void Published(bool delivered)
    {
        lock (sync)
        {
            state = delivered ? state with { Delivered = state.Delivered + 1 } : state with { Refused = state.Refused + 1 };
        }
    }
}
