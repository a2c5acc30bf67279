namespace Aizu.Hardware.BRoute;

/// <summary>Settings of the B-route meter driver, bound from <c>Aizu:BRoute</c>.</summary>
public sealed class BRouteOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aizu:BRoute";

    /// <summary>Serial device of the Wi-SUN dongle, e.g. <c>/dev/ttyUSB0</c> or a <c>/dev/serial/by-id/…</c> link.</summary>
    public string DevicePath { get; set; } = "/dev/ttyUSB0";

    /// <summary>Dongle firmware family: BP35A1, or BP35C0/BP35C2/RL7023-style.</summary>
    public SkstackDialect Dialect { get; set; } = SkstackDialect.Bp35A1;

    /// <summary>The 32-character B-route ID from the utility (認証ID).</summary>
    public string RouteBId { get; set; } = string.Empty;

    /// <summary>The 12-character B-route password from the utility (パスワード).</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>How often instantaneous power and current are read (the meter allows a request every few seconds).</summary>
    public TimeSpan PowerInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the cumulative energy registers are read.</summary>
    public TimeSpan EnergyInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for the meter to answer one request.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the dongle to answer a command with OK/FAIL.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long PANA authentication (SKJOIN) may take before it counts as failed.</summary>
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>Unanswered requests in a row after which the session is torn down and joined again.</summary>
    public int MaxMissedResponses { get; set; } = 3;

    /// <summary>Where the found PAN (channel, PAN id, meter address) is remembered, so a restart skips the scan.</summary>
    public string PanCachePath { get; set; } = "broute-pan.json";

    /// <summary>Longest wait between attempts after a fault (doubling from one second).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Read today's 30-minute history once after joining, so the panel has today's energy at once.</summary>
    public bool BackfillToday { get; set; } = true;
}
