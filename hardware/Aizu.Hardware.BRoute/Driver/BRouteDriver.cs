namespace Aizu.Hardware.BRoute;

/// <summary>
/// Reads a Japanese smart meter over the B-route: opens the Wi-SUN dongle, joins the meter's PAN
/// (from the remembered PAN, scanning only when needed), polls power and energy, and recovers by
/// itself from an unplugged dongle, a failed or expired PANA session and a meter that stops answering.
/// </summary>
/// <remarks><paramref name="openDevice"/> opens the device stream (tests give a simulated dongle).</remarks>
public sealed class BRouteDriver(
    IOptions<BRouteOptions> options, IPanStore panStore, TimeProvider time, ILogger<BRouteDriver> logger, Func<string, Stream> openDevice)
    : IReadingSource
{
    private readonly BRouteOptions _options = options.Value;

    /// <summary>Creates the driver for a real dongle (opened with <see cref="SerialDevice.Open"/> at 115200 8N1).</summary>
    public BRouteDriver(IOptions<BRouteOptions> options, IPanStore panStore, TimeProvider time, ILogger<BRouteDriver> logger)
        : this(options, panStore, time, logger, path => SerialDevice.Open(path, SerialSettings.Default))
    {
    }

    /// <inheritdoc />
    public string Name => "broute";

    /// <inheritdoc />
    public async Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var retry = new RetryDelay(_options.MaxRetryDelay);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var stream = openDevice(_options.DevicePath);
                var link = new SkstackLink(stream, new SkstackReader(_options.Dialect, SkstackDataFormat.Binary), time);
                await RunSessionAsync(new DongleSession(link, _options, time, logger), output, retry, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (IOException ex)
            {
                Log.DongleUnavailable(logger, _options.DevicePath, ex.Message);
            }
            catch (DongleCommandException ex)
            {
                Log.DongleFault(logger, ex.Message);
            }
            catch (EchonetLiteFormatException ex)
            {
                Log.MeterAnswerInvalid(logger, ex.Message);
            }

            await Task.Delay(retry.Next(), time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RunSessionAsync(DongleSession session, ChannelWriter<Reading> output, RetryDelay retry, CancellationToken cancellationToken)
    {
        await session.InitializeAsync(cancellationToken);
        while (true)
        {
            var pan = await panStore.LoadAsync(cancellationToken);
            bool cached = pan is not null;
            if (pan is null)
            {
                pan = await session.ScanAsync(cancellationToken);
                if (pan is null)
                {
                    Log.NoMeterFound(logger);
                    await Task.Delay(retry.Next(), time, cancellationToken);
                    continue;
                }
            }
            else
            {
                Log.UsingRememberedPan(logger, pan.Channel, pan.PanId, pan.MacAddress);
            }

            if (!await session.JoinAsync(pan, cancellationToken))
            {
                Log.JoinFailed(logger, pan.MacAddress, cached);
                if (cached)
                {
                    // The meter may have been replaced or moved channel: scan afresh next time round.
                    await panStore.ForgetAsync(cancellationToken);
                }

                await Task.Delay(retry.Next(), time, cancellationToken);
                continue;
            }

            Log.Joined(logger, pan.MacAddress);
            if (!cached)
            {
                await RememberAsync(pan, cancellationToken);
            }

            retry.Reset();
            string reason = await PollAsync(session, output, cancellationToken);
            Log.SessionLost(logger, reason);
            await session.TerminateAsync(cancellationToken);
        }
    }

    // A full or read-only disk must not stop metering: the PAN is only a start-up shortcut.
    private async Task RememberAsync(PanInfo pan, CancellationToken cancellationToken)
    {
        try
        {
            await panStore.SaveAsync(pan, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.PanNotRemembered(logger, ex.Message);
        }
    }

    /// <summary>Polls until the session is lost; returns why.</summary>
    private async Task<string> PollAsync(DongleSession session, ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        var readings = new List<Reading>();
        await session.ReadRegisterAsync(cancellationToken);
        if (_options.BackfillToday)
        {
            await session.BackfillTodayAsync(readings, cancellationToken);
        }

        var nextEnergy = time.GetUtcNow();
        while (true)
        {
            if (session.ReauthenticationPending)
            {
                await session.AwaitReauthenticationAsync(cancellationToken);
            }

            if (session.SessionLostReason is { } lost)
            {
                return lost;
            }

            var started = time.GetUtcNow();
            if (started >= nextEnergy)
            {
                await session.ReadRegisterIfUnknownAsync(cancellationToken);
                await session.ReadEnergyAsync(readings, cancellationToken);
                nextEnergy = started + _options.EnergyInterval;
            }

            await session.ReadPowerAsync(readings, cancellationToken);
            session.DrainNotified(readings);
            foreach (var reading in readings)
            {
                await output.WriteAsync(reading, cancellationToken);
            }

            readings.Clear();
            await session.IdleUntilAsync(started + _options.PowerInterval, cancellationToken);
        }
    }
}
