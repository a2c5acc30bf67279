namespace Aizu.Storage.Influx;

/// <summary>
/// Mirrors the store into the household's InfluxDB: batches of at most
/// <see cref="InfluxMirrorOptions.BatchSize"/> points back to back while there is a backlog, then a
/// look for new data every <see cref="InfluxMirrorOptions.FlushInterval"/>. When the server is
/// unreachable or refuses a write, nothing moves on: the mirror retries after 1 s, 2 s, 4 s … up to
/// <see cref="InfluxMirrorOptions.MaxRetryDelay"/>, and carries on from its cursor in the store, also
/// across restarts. Progress and failures go to <see cref="InfluxMirrorStatus"/>.
/// </summary>
public sealed class InfluxMirrorService : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly IReadingFeed store;
    private readonly InfluxMirrorStatus status;
    private readonly TimeProvider time;
    private readonly InfluxMirrorOptions settings;
    private readonly ILogger<InfluxMirrorService> logger;

    /// <summary>Creates the service.</summary>
    public InfluxMirrorService(
        IReadingFeed store,
        InfluxMirrorStatus status,
        TimeProvider time,
        IOptions<InfluxMirrorOptions> options,
        ILogger<InfluxMirrorService> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.store = store;
        this.status = status;
        this.time = time;
        settings = options.Value;
        this.logger = logger;
    }

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: 1 s doubling, capped at <paramref name="max"/>.</summary>
    internal static TimeSpan RetryDelay(int failures, TimeSpan max)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay < max ? delay : max;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var sink = new InfluxSink(settings);
        var pump = new MirrorPump(store, sink, settings);
        status.Update(s => s with { State = InfluxMirrorState.Starting, Target = sink.Target });
        var failures = 0;
        var announced = false;
        long sentSinceStart = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await pump.LoadAsync(stoppingToken);
                    if (!announced)
                    {
                        logger.MirrorStarted(sink.Target, pump.PointsSent);
                        status.Update(s => s with { PointsSent = pump.PointsSent });
                        announced = true;
                    }

                    var started = time.GetTimestamp();
                    var pass = await pump.RunOnceAsync(stoppingToken);
                    if (pass.Points > 0)
                    {
                        var elapsed = time.GetElapsedTime(started);
                        logger.BatchWritten(pass.Points, pass.RawReadings, elapsed);
                    }

                    if (failures > 0)
                    {
                        logger.Recovered(sink.Target, failures);
                        failures = 0;
                    }

                    sentSinceStart += pass.Points;
                    var now = time.GetUtcNow();
                    var wasCatchingUp = status.Current.State == InfluxMirrorState.CatchingUp;
                    if (pass.Full)
                    {
                        status.Update(s => s.Succeeded(InfluxMirrorState.CatchingUp, now, pump.PointsSent, sentSinceStart) with
                        {
                            Backlog = s.Backlog is { } backlog ? Math.Max(0, backlog - pass.RawReadings) : null,
                        });
                        continue;
                    }

                    var (behind, through) = await pump.MeasureBacklogAsync(stoppingToken);
                    status.Update(s => s.Succeeded(InfluxMirrorState.UpToDate, now, pump.PointsSent, sentSinceStart) with
                    {
                        Backlog = behind,
                        MirroredThrough = through,
                    });
                    if (wasCatchingUp)
                    {
                        logger.CaughtUp(sentSinceStart);
                    }

                    await Task.Delay(settings.FlushInterval, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    failures++;
                    var delay = RetryDelay(failures, settings.MaxRetryDelay);
                    var reason = Describe(exception, settings.Timeout);
                    var now = time.GetUtcNow();
                    if (failures == 1)
                    {
                        logger.WriteFailing(sink.Target, reason, delay);
                    }
                    else
                    {
                        logger.StillFailing(failures, reason, delay);
                    }

                    status.Update(s => s with
                    {
                        State = InfluxMirrorState.Retrying,
                        LastError = reason,
                        LastErrorAt = now,
                        ConsecutiveFailures = failures,
                        NextAttemptAt = now + delay,
                    });
                    await Task.Delay(delay, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            status.Update(s => s with { State = InfluxMirrorState.Stopped, NextAttemptAt = null });
        }
    }

    /// <summary>A failure in words for the panel and the log.</summary>
    internal static string Describe(Exception exception, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            HttpException http when http.Status > 0 =>
                $"InfluxDB answered HTTP {http.Status}: {(string.IsNullOrWhiteSpace(http.Message) ? "no reason given" : http.Message.Trim())}",
            HttpRequestException request =>
                $"cannot reach the server: {request.InnerException?.Message ?? request.Message}",
            TimeoutException or TaskCanceledException =>
                $"no answer within {timeout}",
            StoreUnavailableException unavailable =>
                $"the local store is unavailable: {unavailable.Message}",
            _ when exception.InnerException is HttpRequestException inner =>
                $"cannot reach the server: {inner.InnerException?.Message ?? inner.Message}",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
    }
}
