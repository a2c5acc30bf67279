using System.Buffers;
using System.Threading.Channels;
using Aizu.Hardware.Serial.Tty;
using Aizu.Readings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Sml;

/// <summary>
/// Reads a German electricity meter's SML info interface through an optical (IR) read head: opens the head's serial
/// port at 9600 8N1, cuts the stream into transport frames, accepts only frames whose CRC and structure are right, and
/// turns imported/exported energy and power into readings. Recovers by itself from an unplugged head and a silent meter.
/// </summary>
public sealed class SmlMeterSource : IReadingSource
{
    private const int BufferSize = 4 * SmlFramer.DefaultMaxFrameLength;

    private readonly SmlOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SmlMeterSource> _logger;
    private readonly Func<string, Stream> _openDevice;
    private bool _complaining;
    private bool _seenFrame;
    private bool _clockWarned;
    private long _rejectedInRow;

    /// <summary>Creates the driver for a real read head, opened with <see cref="SerialDevice.Open"/>.</summary>
    public SmlMeterSource(IOptions<SmlOptions> options, TimeProvider time, ILogger<SmlMeterSource> logger)
        : this(options, time, logger, path => SerialDevice.Open(path, new SerialSettings(options?.Value.BaudRate ?? 9600)))
    {
    }

    /// <summary>Creates the driver with a custom way to open the device stream.</summary>
    public SmlMeterSource(IOptions<SmlOptions> options, TimeProvider time, ILogger<SmlMeterSource> logger, Func<string, Stream> openDevice)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _openDevice = openDevice;
    }

    /// <inheritdoc />
    public string Name => "sml";

    /// <summary>What has been received so far.</summary>
    public SmlStatistics Statistics { get; } = new();

    /// <inheritdoc />
    public async Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var retry = new RetryDelay(_options.MaxRetryDelay);
        var mapper = new SmlReadingMapper(_options, Statistics)
        {
            UnexpectedUnit = (obis, unit, expected) => Log.UnexpectedUnit(_logger, obis, unit, expected),
            ValueSkipped = (obis, why) => Log.ValueSkipped(_logger, obis, why),
        };
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var stream = _openDevice(_options.DevicePath);
                Log.PortOpened(_logger, _options.DevicePath, _options.BaudRate);
                await ReadUntilSilentAsync(stream, output, mapper, retry, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (IOException ex)
            {
                Log.PortUnavailable(_logger, _options.DevicePath, ex.Message);
            }

            await Task.Delay(retry.Next(), _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ReadUntilSilentAsync(Stream stream, ChannelWriter<Reading> output, SmlReadingMapper mapper, RetryDelay retry, CancellationToken cancellationToken)
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
                Log.MeterSilent(_logger, _options.SilenceTimeout.TotalSeconds, _options.DevicePath);
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

    private int HandleFrames(byte[] buffer, int count, SmlReadingMapper mapper, List<Reading> readings, out bool accepted)
    {
        accepted = false;
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(buffer, 0, count));
        while (SmlFramer.TryReadFrame(ref reader, out var frame))
        {
            if (frame.Kind == SmlFrameKind.Discarded)
            {
                Statistics.CountDiscarded(frame.Reason!);
                Complain(() => Log.BytesDiscarded(_logger, frame.Reason!));
                continue;
            }

            if (!SmlFileParser.TryParseFrame(frame.Bytes.FirstSpan, out var file, out var error))
            {
                Statistics.CountRejected(error);
                _rejectedInRow++;
                if (_complaining)
                {
                    Log.FrameRejectedAgain(_logger, error.Kind, error.Message);
                }
                else
                {
                    Complain(() => Log.FrameRejected(_logger, error.Kind, error.Message));
                }

                continue;
            }

            accepted = true;
            Statistics.CountAccepted();
            if (_rejectedInRow > 0)
            {
                Log.FramesRecovered(_logger, _rejectedInRow);
            }

            _rejectedInRow = 0;
            _complaining = false;
            if (!_seenFrame)
            {
                _seenFrame = true;
                var server = file.Messages.Select(m => m.Body).OfType<SmlGetListResponse>().FirstOrDefault()?.ServerId;
                Log.FirstFrame(_logger, server is null ? "(unknown)" : Convert.ToHexString(server));
            }

            if (!mapper.Map(file, _time.GetUtcNow(), readings) && !_clockWarned)
            {
                _clockWarned = true;
                Log.NoTrustedClock(_logger);
            }
        }

        return (int)reader.Consumed;
    }

    // A misaligned head or wrong speed gives a rejection every second: warn once, then quietly count until valid data
    // arrives again.
    private void Complain(Action log)
    {
        if (!_complaining)
        {
            _complaining = true;
            log();
        }
    }
}
