namespace Aizu.Hardware.Sensors;

/// <summary>
/// Reads the configured indoor sensors (BME280, SHT3x, SCD4x on I2C; DS18B20 on 1-wire) every
/// <see cref="IndoorSensorOptions.PollInterval"/> and publishes <c>indoor.{room}.{quantity}</c>
/// readings. Sensors are read side by side, each bounded by <see cref="IndoorSensorOptions.ReadTimeout"/>:
/// a sensor that does not acknowledge, sends a bad CRC, never finishes a measurement or hangs the bus
/// is logged and skipped for the round while the others carry on. No value is ever made up for it.
/// </summary>
public sealed class IndoorSensorSource(IOptions<IndoorSensorOptions> options, TimeProvider time, ILogger<IndoorSensorSource> logger)
    : IReadingSource, ISensorHealthReport
{
    private readonly IndoorSensorOptions _options = options.Value;
    private volatile IReadOnlyList<SensorSlot> _slots = [];

    /// <inheritdoc />
    public string Name => "indoor";

    /// <summary>Raised with the round's number after every sensor has had its turn; tests wait on it instead of sleeping.</summary>
    internal event EventHandler<int>? RoundCompleted;

    /// <inheritdoc />
    public IReadOnlyList<SensorHealth> GetSensorHealth() => [.. _slots.Select(slot => slot.Health)];

    /// <inheritdoc />
    public async Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var slots = _options.Sensors.Select(definition => new SensorSlot(definition, _options)).ToList();
        _slots = slots;
        Log.Started(logger, slots.Count, _options.PollInterval.TotalSeconds);
        using var timer = new PeriodicTimer(_options.PollInterval, time);
        try
        {
            int round = 0;
            do
            {
                await Task.WhenAll(slots.Select(slot => ReadAsync(slot, output, cancellationToken)));
                RoundCompleted?.Invoke(this, ++round);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end.
        }
        finally
        {
            foreach (var slot in slots)
            {
                CloseWhenIdle(slot);
            }
        }
    }

    private static void CloseWhenIdle(SensorSlot slot)
    {
        if (slot.Pending is { IsCompleted: false } pending)
        {
            // The chip is still inside a blocking transfer; close it once that returns.
            _ = pending.ContinueWith(_ => slot.Chip.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }

        slot.Chip.Dispose();
    }

    private static void Observe(Task work) =>
        // A read abandoned after a time-out may still fail later; its exception is expected and already reported.
        _ = work.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private async Task ReadAsync(SensorSlot slot, ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        if (slot.Pending is { IsCompleted: false })
        {
            Log.StillBusy(logger, slot.Description);
            slot.FailedRounds++;
            slot.Failed(time.GetUtcNow(), "still busy with an earlier read (the bus may be stuck)");
            return;
        }

        if (slot.ReopenWhenIdle)
        {
            slot.ReopenWhenIdle = false;
            slot.Chip.Close();
        }

        // The bindings block on I2C transfers (and sleep between them), so each read gets a pool thread.
        var work = Task.Run(() => OpenAndReadAsync(slot, cancellationToken), CancellationToken.None);
        slot.Pending = work;
        IReadOnlyList<Measurement> values;
        try
        {
            values = await work.WaitAsync(_options.ReadTimeout, time, cancellationToken);
        }
        catch (TimeoutException) when (!work.IsCompleted)
        {
            Observe(work);
            slot.ReopenWhenIdle = true;
            Fail(slot, "stuck", $"did not answer within {_options.ReadTimeout.TotalSeconds} s: the I2C bus may be stuck", level => Log.BusStuck(logger, level, slot.Description, _options.ReadTimeout.TotalSeconds));
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(work);
            throw;
        }
        catch (IOException ex)
        {
            slot.Chip.Close();
            Fail(slot, "nack", $"did not answer (NACK or bus error): {ex.Message}", level => Log.NotAnswering(logger, level, slot.Description, ex.Message));
            return;
        }
        catch (SensorFaultException ex)
        {
            ReportFault(slot, ex);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Bindings signal some faults with plain exceptions (the SCD4x's "not responding" after
            // six seconds without data); whatever it is, it costs this sensor its round, not the source.
            slot.Chip.Close();
            Fail(slot, "other", ex.Message, level => Log.NeverReady(logger, level, slot.Description, ex.Message));
            return;
        }

        await PublishAsync(slot, values, output, cancellationToken);
    }

    private async Task<IReadOnlyList<Measurement>> OpenAndReadAsync(SensorSlot slot, CancellationToken cancellationToken)
    {
        if (!slot.Chip.IsOpen)
        {
            slot.Chip.Open();
            Log.SensorReady(logger, slot.Description);
        }

        return await slot.Chip.ReadAsync(cancellationToken);
    }

    private async Task PublishAsync(SensorSlot slot, IReadOnlyList<Measurement> values, ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (quantity, value) in values)
        {
            if (!slot.Series.TryGetValue(quantity, out string? series))
            {
                continue;
            }

            if (!SensorQuantities.IsPlausible(quantity, value))
            {
                Log.Implausible(logger, slot.Description, quantity.ToString(), value);
                continue;
            }

            await output.WriteAsync(new Reading(series, now, value, SensorQuantities.UnitOf(quantity)), cancellationToken);
        }

        if (slot.FailedRounds > 0)
        {
            Log.Recovered(logger, slot.Description, slot.FailedRounds);
        }

        slot.FailedRounds = 0;
        slot.LastFailure = null;
        slot.Answered(now);
    }

    private void ReportFault(SensorSlot slot, SensorFaultException ex)
    {
        switch (ex.Fault)
        {
            case SensorFault.Crc:
                Fail(slot, "crc", $"sent data with a bad CRC: {ex.Message}", level => Log.CrcError(logger, level, slot.Description, ex.Message));
                break;
            case SensorFault.NeverReady:
                Fail(slot, "never-ready", $"never finished a measurement: {ex.Message}", level => Log.NeverReady(logger, level, slot.Description, ex.Message));
                break;
            default:
                slot.Chip.Close();
                Fail(slot, "absent", $"not on the bus: {ex.Message}", level => Log.Absent(logger, level, slot.Description, ex.Message));
                break;
        }
    }

    private void Fail(SensorSlot slot, string kind, string error, Action<LogLevel> log)
    {
        slot.Failed(time.GetUtcNow(), error);
        // The first failure of a kind is a warning; the same failure round after round is not news.
        log(slot.LastFailure == kind ? LogLevel.Debug : LogLevel.Warning);
        slot.LastFailure = kind;
        slot.FailedRounds++;
    }
}
