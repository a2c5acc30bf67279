namespace Aizu.Gateway.Doctor;

/// <summary>
/// The B-route link as the installer needs to see it: is the meter in radio range and how well (LQI and dBm), does it
/// accept the household's B-route ID and password, and does its clock agree with the gateway's.
/// </summary>
internal static class BRouteLinkCheck
{
    // Below about −90 dBm (LQI 52) Wi-SUN links at 100 kbit/s drop frames; module makers advise moving the dongle.
    private const byte WeakLqi = 52;

    // The meter's clock has minute resolution; more than this apart means one of the two clocks is wrong.
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(BRouteOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        BRouteLinkReport report;
        try
        {
            report = await BRouteLinkProbe.RunAsync(options, time, NullLogger.Instance, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or DongleCommandException or TimeoutException or SessionLostException)
        {
            return [new DoctorCheck("B-route link", DoctorOutcome.Fail, $"the test scan and join stopped: {exception.Message}",
                "Replug the dongle and run 'aizu doctor' again; if it repeats, the dongle's firmware may not support the B-route (SKSTACK-IP with PANA).")];
        }

        if (report.Pan is not { } pan)
        {
            return [new DoctorCheck("B-route link", DoctorOutcome.Fail, "no smart meter answered the active scan on any channel",
                "Move the dongle closer to the meter (a USB extension lead helps), away from metal boxes; check with the power company that the B-route service is active for this meter.")];
        }

        var radio = string.Create(CultureInfo.InvariantCulture,
            $"meter {pan.MacAddress} on channel 0x{pan.Channel:X2}, PAN 0x{pan.PanId:X4}, LQI {report.Lqi} ({report.RssiDbm:0} dBm)");
        var checks = new List<DoctorCheck>();
        if (!report.Joined)
        {
            checks.Add(new DoctorCheck("B-route link", DoctorOutcome.Fail, $"{radio}; the meter refused the B-route ID and password (PANA authentication failed)",
                "Check Aizu:BRoute:RouteBId (32 characters) and Aizu:BRoute:Password (12 characters) against the power company's letter; they are case-sensitive."));
            return checks;
        }

        checks.Add(report.Lqi < WeakLqi
            ? new DoctorCheck("B-route link", DoctorOutcome.Warning, $"{radio}, joined; the signal is weak",
                "Move the dongle closer to the meter or use a USB extension lead; a weak link loses readings.")
            : new DoctorCheck("B-route link", DoctorOutcome.Ok, $"{radio}, joined with the household's B-route ID and password"));

        if (report.MeterClock is not { } meterClock)
        {
            checks.Add(new DoctorCheck("meter clock", DoctorOutcome.Warning, "the meter did not say what time it is",
                "Nothing to do unless the gateway's clock is unset: then readings cannot be stamped."));
            return checks;
        }

        var drift = meterClock - report.CheckedAt;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"meter says {meterClock:yyyy-MM-dd HH:mm} JST; {(drift.Duration() < TimeSpan.FromMinutes(1) ? "within a minute of the gateway's clock" : $"{Math.Abs(drift.TotalMinutes):0} min {(drift > TimeSpan.Zero ? "ahead of" : "behind")} the gateway's clock")}");
        checks.Add(drift.Duration() > ClockTolerance
            ? new DoctorCheck("meter clock", DoctorOutcome.Warning, text,
                "If the gateway's clock is synchronised (see 'clock'), the meter's clock is off: tell the power company. Readings are stamped with the gateway's clock.")
            : new DoctorCheck("meter clock", DoctorOutcome.Ok, text));
        return checks;
    }
}
