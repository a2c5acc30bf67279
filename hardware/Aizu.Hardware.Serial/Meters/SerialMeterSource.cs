namespace Aizu.Hardware.Serial.Meters;

/// <summary>
/// Reads a meter that pushes frames over a serial line (a DSMR P1 port, an SML optical read head, …): opens the port,
/// cuts the byte stream into frames with the meter's framer, accepts only frames its parser passes, and turns them into
/// readings with its mapper. Recovers by itself from an unplugged cable (reopening with back-off) and a silent meter
/// (reopening after <see cref="SerialMeterOptions.SilenceTimeout"/>); counts every refused frame and skipped byte. No
/// single frame stops it, not even one its parser fails on.
/// </summary>
/// <typeparam name="TReadout">What the meter's parser produces from one frame.</typeparam>
/// <typeparam name="TErrorKind">The meter parser's reasons for refusing a frame.</typeparam>
public class SerialMeterSource<TReadout, TErrorKind> : IReadingSource
    where TErrorKind : struct, Enum
{
    // Room for several of the longest frames a framer keeps (DSMR's 16 KiB), so a burst after a stall never overflows.
    private const int BufferSize = 64 * 1024;

    // Kinds of skipped value warned about; a meter sends a bounded set of objects, but a line full of noise that the
    // CRC still passes must not grow this without end, so past this many every skip is logged at debug level only.
    private const int MaxWarnedKinds = 64;

    private readonly ISerialMeterProtocol<TReadout, TErrorKind> _protocol;
    private readonly SerialMeterWording _wording;
    private readonly SerialMeterOptions _options;
    private readonly Func<string, Stream> _openDevice;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<SkippedValue> _skipped = [];
    private readonly HashSet<string> _warnedKinds = new(StringComparer.Ordinal);
    private bool _complaining;
    private bool _seenFrame;
    private bool _clockWarned;
    private long _rejectedInRow;

    /// <summary>Creates the driver.</summary>
    /// <param name="name">Short name for logs and the panel, e.g. <c>dsmr</c>.</param>
    /// <param name="protocol">The meter's framer, parser and mapper.</param>
    /// <param name="options">Device path, silence timeout and back-off.</param>
    /// <param name="openDevice">Opens the device path at the meter's line settings.</param>
    /// <param name="time">Timers and the readings' timestamps.</param>
    /// <param name="logger">Where the driver says what happens on the line.</param>
    public SerialMeterSource(
        string name,
        ISerialMeterProtocol<TReadout, TErrorKind> protocol,
        SerialMeterOptions options,
        Func<string, Stream> openDevice,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openDevice);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Name = name;
        _protocol = protocol;
        _wording = protocol.Wording;
        _options = options;
        _openDevice = openDevice;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>What has been received so far.</summary>
    public SerialMeterStatistics<TErrorKind> Statistics { get; } = new();

    /// <inheritdoc />
    public async Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var retry = new RetryDelay(_options.MaxRetryDelay);
        var mapper = _protocol.CreateMapper();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var stream = _openDevice(_options.DevicePath);
                Log.PortOpened(_logger, _wording.Port, _options.DevicePath, _protocol.Line);
                await ReadUntilSilentAsync(stream, output, mapper, retry, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (IOException ex)
            {
                Log.PortUnavailable(_logger, _wording.Port, _options.DevicePath, ex.Message);
            }

            await Task.Delay(retry.Next(), _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Reads and handles frames; returns when no valid frame came for <see cref="SerialMeterOptions.SilenceTimeout"/>.</summary>
    private async Task ReadUntilSilentAsync(Stream stream, ChannelWriter<Reading> output, IReadingMapper<TReadout> mapper, RetryDelay retry, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        int count = 0;
        var lastValid = _time.GetUtcNow();
        var readings = new List<Reading>();
        while (true)
        {
            var remaining = lastValid + _options.SilenceTimeout - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                Log.MeterSilent(_logger, _wording.Frame, _options.SilenceTimeout.TotalSeconds, _wording.SilenceAdvice, _options.DevicePath);
                Statistics.CountSilence();
                return;
            }

            int read;
            using (var silence = new CancellationTokenSource(remaining, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token))
            {
                try
                {
                    read = await stream.ReadAsync(buffer.AsMemory(count), linked.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue;
                }
            }

            if (read == 0)
            {
                throw new IOException($"{_options.DevicePath}: the serial stream ended.");
            }

            count += read;
            int consumed = HandleFrames(buffer, count, mapper, readings, out bool accepted);
            buffer.AsSpan(consumed, count - consumed).CopyTo(buffer);
            count -= consumed;
            if (count == buffer.Length)
            {
                // Cannot happen while the framer discards over-long input, but a full buffer would read 0 bytes forever.
                count = 0;
            }

            if (accepted)
            {
                lastValid = _time.GetUtcNow();
                retry.Reset();
            }

            foreach (var reading in readings)
            {
                await output.WriteAsync(reading, cancellationToken);
            }

            readings.Clear();
        }
    }

    /// <summary>Handles every complete frame in the buffer; returns how many bytes were used.</summary>
    private int HandleFrames(byte[] buffer, int count, IReadingMapper<TReadout> mapper, List<Reading> readings, out bool accepted)
    {
        accepted = false;
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(buffer, 0, count));
        while (_protocol.TryReadFrame(ref reader, out var frame))
        {
            if (frame.Kind == SerialFrameKind.Discarded)
            {
                string reason = frame.Reason ?? "bytes outside a frame";
                Statistics.CountDiscarded(reason);
                Complain(() => Log.BytesDiscarded(_logger, _wording.Port, _options.DevicePath, reason));
                continue;
            }

            accepted |= HandleFrame(frame.Bytes, mapper, readings);
        }

        return (int)reader.Consumed;
    }

    /// <summary>Parses and maps one frame; true when it was valid.</summary>
    private bool HandleFrame(in ReadOnlySequence<byte> bytes, IReadingMapper<TReadout> mapper, List<Reading> readings)
    {
        int before = readings.Count;
        bool mapped;
        try
        {
            if (!_protocol.TryParse(bytes, out var readout, out var rejection))
            {
                Statistics.CountRejected(rejection);
                Reject(rejection.Kind.ToString(), rejection.Message);
                return false;
            }

            if (!_seenFrame)
            {
                _seenFrame = true;
                Log.FirstFrame(_logger, _wording.Frame, _protocol.DescribeMeter(readout));
            }

            mapped = mapper.Map(readout, _time.GetUtcNow(), readings, _skipped);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A parser or mapper fault on one odd frame must not stop metering: nothing of that frame is used.
            readings.RemoveRange(before, readings.Count - before);
            _skipped.Clear();
            string reason = $"{ex.GetType().Name}: {ex.Message}";
            Statistics.CountRejected(reason);
            Log.FrameFailed(_logger, _wording.Frame, reason);
            _rejectedInRow++;
            return false;
        }

        Statistics.CountAccepted();
        ReportSkipped();
        if (_rejectedInRow > 0)
        {
            Log.FramesRecovered(_logger, _wording.Port, _options.DevicePath, _wording.Frame, _rejectedInRow);
        }

        _rejectedInRow = 0;
        _complaining = false;
        if (!mapped && !_clockWarned)
        {
            _clockWarned = true;
            Log.NoTrustedClock(_logger, _wording.Frame);
        }

        return true;
    }

    // A meter that sends one object the mapper cannot use sends it in every frame: warn once per kind, so the household
    // learns what is missing without a warning a second, and count every one.
    private void ReportSkipped()
    {
        foreach (var skip in _skipped)
        {
            Statistics.CountSkipped(skip);
            if (_warnedKinds.Count < MaxWarnedKinds && _warnedKinds.Add(skip.Kind))
            {
                Log.ValueSkipped(_logger, skip.Kind, _wording.Frame, skip.Reason);
            }
            else
            {
                Log.ValueSkippedAgain(_logger, skip.Kind, _wording.Frame, skip.Reason);
            }
        }

        _skipped.Clear();
    }

    private void Reject(string kind, string message)
    {
        _rejectedInRow++;
        if (_complaining)
        {
            Log.FrameRejectedAgain(_logger, _wording.Frame, kind, message);
        }
        else
        {
            Complain(() => Log.FrameRejected(_logger, _wording.Frame, kind, message));
        }
    }

    // A broken cable or wrong line speed gives a rejection every second: warn once, then quietly count until a valid
    // frame arrives again.
    private void Complain(Action log)
    {
        if (!_complaining)
        {
            _complaining = true;
            log();
        }
    }
}
