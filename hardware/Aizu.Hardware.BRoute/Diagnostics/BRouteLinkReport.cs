namespace Aizu.Hardware.BRoute;

/// <summary>What a test scan and join with the household's B-route credentials found.</summary>
/// <param name="Pan">The meter's network, or null when no meter answered the scan.</param>
/// <param name="Lqi">Link quality of the meter's beacon (0–255), when one was found.</param>
/// <param name="Joined">Whether the meter accepted the B-route ID and password (PANA succeeded).</param>
/// <param name="MeterClock">The meter's own clock (minute resolution), when it answered after the join.</param>
/// <param name="CheckedAt">The system clock when the meter's clock was read.</param>
public sealed record BRouteLinkReport(PanInfo? Pan, byte? Lqi, bool Joined, DateTimeOffset? MeterClock, DateTimeOffset CheckedAt)
{
    /// <summary>
    /// Received signal strength from the LQI, by the Wi-SUN module makers' conversion
    /// (ROHM BP35A1 command reference: RSSI = 0.275 × LQI − 104.27 dBm).
    /// </summary>
    public double? RssiDbm => Lqi is { } lqi ? (0.275 * lqi) - 104.27 : null;
}
