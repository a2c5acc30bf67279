namespace Aizu.Gateway.Systemd;

/// <summary>
/// Tells systemd the gateway is alive, at half the unit's <c>WatchdogSec</c> (which systemd passes as
/// <c>WATCHDOG_USEC</c>). The pings come from the host's timer loop, so a process whose thread pool is
/// starved or deadlocked stops pinging and systemd restarts it. Without a watchdog (not under systemd,
/// or no <c>WatchdogSec</c>) it does nothing.
/// </summary>
internal sealed class SystemdWatchdog(ISystemdNotifier notifier, TimeProvider time, ILogger<SystemdWatchdog> logger) : BackgroundService
{
    private static readonly ServiceState Alive = new("WATCHDOG=1");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || Interval(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID")) is not { } interval)
        {
            return;
        }

        logger.WatchdogStarted(interval);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            notifier.Notify(Alive);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Half the watchdog timeout, or null when systemd set none for this process.</summary>
    internal static TimeSpan? Interval(string? watchdogMicroseconds, string? watchdogPid)
    {
        if (!long.TryParse(watchdogMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds <= 0)
        {
            return null;
        }

        // WATCHDOG_PID names the process systemd watches; a child that inherited the variable must not ping.
        if (watchdogPid is not null && watchdogPid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(microseconds / 2.0);
    }
}
