namespace Aizu.Panel;

/// <summary>
/// Logs refused garbage form bodies at most once a minute, with how many there were: anyone on the LAN can
/// send them, and a line per request would let them fill the SD card with the gateway's own log.
/// </summary>
internal sealed class UnreadableFormLog(TimeProvider time, ILogger<UnreadableFormLog> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _unlogged;

    public void Refused(string address, string reason)
    {
        int count;
        lock (_gate)
        {
            _unlogged++;
            var now = time.GetUtcNow();
            if (now - _windowStart < Window)
            {
                return;
            }

            _windowStart = now;
            count = _unlogged;
            _unlogged = 0;
        }

        logger.PanelUnreadableForms(count, address, reason);
    }
}
