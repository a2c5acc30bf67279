namespace Aizu.Hardware.BRoute;

/// <summary>
/// The installer's test of the B-route link, with the driver's own dongle session: set the credentials, scan for the
/// meter, join it, read its clock, end the session. Nothing is stored; the PAN cache is not touched.
/// </summary>
public static class BRouteLinkProbe
{
    /// <summary>Runs the test on <see cref="BRouteOptions.DevicePath"/>, which nothing else may have open.</summary>
    /// <exception cref="IOException">The port cannot be opened or the dongle stopped answering.</exception>
    /// <exception cref="DongleCommandException">The dongle refused a command.</exception>
    public static async Task<BRouteLinkReport> RunAsync(BRouteOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        await using var stream = SerialDevice.Open(options.DevicePath, SerialSettings.Default);
        var session = new DongleSession(new SkstackLink(stream, new SkstackReader(options.Dialect, SkstackDataFormat.Binary), time), options, time, logger);
        await session.InitializeAsync(cancellationToken);
        var pan = await session.ScanAsync(cancellationToken);
        if (pan is null)
        {
            return new BRouteLinkReport(null, null, false, null, time.GetUtcNow());
        }

        if (!await session.JoinAsync(pan, cancellationToken))
        {
            return new BRouteLinkReport(pan, session.LastScanLqi, false, null, time.GetUtcNow());
        }

        try
        {
            var meterClock = await session.ReadMeterClockAsync(cancellationToken);
            return new BRouteLinkReport(pan, session.LastScanLqi, true, meterClock, time.GetUtcNow());
        }
        finally
        {
            await session.TerminateAsync(cancellationToken);
        }
    }
}
