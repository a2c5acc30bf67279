using System.Buffers;
using System.Threading.Channels;
using Aizu.Hardware.Serial.Tty;
using Aizu.Readings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Reads a Dutch, Belgian or Luxembourg smart meter's P1 port: opens the serial cable with the protocol's line
/// settings, cuts the byte stream into telegrams, accepts only telegrams that pass every check, and turns them into
/// readings. Recovers by itself from an unplugged cable and a silent meter; counts every rejected telegram.
/// </summary>
public sealed class DsmrMeterSource : IReadingSource
{
    // Several telegrams fit, so a burst after a stall never overflows; the framer discards anything longer.
    private const int BufferSize = 4 * DsmrFramer.DefaultMaxTelegramLength;

    private readonly DsmrOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DsmrMeterSource> _logger;
    private readonly Func<string, Stream> _openDevice;
    private readonly DsmrParseOptions _parseOptions;

    // Reused for every telegram: parsing a valid telegram into it allocates nothing.
    private readonly DsmrReadout _readout = new();
    private bool _complaining;
    private bool _seenTelegram;
    private bool _clockWarned;
    private long _rejectedInRow;

    /// <summary>Creates the driver for a real P1 cable, opened with <see cref="SerialDevice.Open"/> at the protocol's settings.</summary>
    public DsmrMeterSource(IOptions<DsmrOptions> options, TimeProvider time, ILogger<DsmrMeterSource> logger)
        : this(options, time, logger, path => SerialDevice.Open(path, DsmrLine.Settings(options?.Value.Protocol ?? default)))
    {
    }

    /// <summary>Creates the driver with a custom way to open the device stream.</summary>
    public DsmrMeterSource(IOptions<DsmrOptions> options, TimeProvider time, ILogger<DsmrMeterSource> logger, Func<string, Stream> openDevice)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _openDevice = openDevice;
        _parseOptions = DsmrLine.ParseOptions(_options.Protocol);
    }

    /// <inheritdoc />
    public string Name => "dsmr";

    /// <summary>What has been received so far.</summary>
    public DsmrStatistics Statistics { get; } = new();

    /// <inheritdoc />
    public async Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var retry = new RetryDelay(_options.MaxRetryDelay);
        var mapper = new DsmrReadingMapper(_options, Statistics, _logger);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var stream = _openDevice(_options.DevicePath);
                var settings = DsmrLine.Settings(_options.Protocol);
                Log.PortOpened(_logger, _options.DevicePath, $"{settings.BaudRate} {settings.DataBits}{settings.Parity.ToString()[0]}1", _options.Protocol);
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

    /// <summary>Reads and handles telegrams; returns when no valid telegram came for <see cref="DsmrOptions.SilenceTimeout"/>.</summary>
    private async Task ReadUntilSilentAsync(Stream stream, ChannelWriter<Reading> output, DsmrReadingMapper mapper, RetryDelay retry, CancellationToken cancellationToken)
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

    /// <summary>Handles every complete frame in the buffer; returns how many bytes were used.</summary>
    private int HandleFrames(byte[] buffer, int count, DsmrReadingMapper mapper, List<Reading> readings, out bool accepted)
    {
        accepted = false;
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(buffer, 0, count));
        while (DsmrFramer.TryReadFrame(ref reader, out var frame))
        {
            if (frame.Kind == DsmrFrameKind.Discarded)
            {
                Statistics.CountDiscarded(frame.Reason!);
                Complain(() => Log.BytesDiscarded(_logger, frame.Reason!));
                continue;
            }

            if (!DsmrTelegramParser.TryParse(frame.Bytes, _parseOptions, _readout, out var error))
            {
                Statistics.CountRejected(error);
                _rejectedInRow++;
                if (_complaining)
                {
                    Log.TelegramRejectedAgain(_logger, error.Kind, error.Message);
                }
                else
                {
                    Complain(() => Log.TelegramRejected(_logger, error.Kind, error.Message));
                }

                continue;
            }

            accepted = true;
            Statistics.CountAccepted();
            if (_rejectedInRow > 0)
            {
                Log.TelegramsRecovered(_logger, _rejectedInRow);
            }

            _rejectedInRow = 0;
            _complaining = false;
            if (!_seenTelegram)
            {
                _seenTelegram = true;
                Log.FirstTelegram(_logger, _readout.Identification, _readout.Version ?? "2.2/3");
            }

            if (!mapper.Map(_readout, _time.GetUtcNow(), readings) && !_clockWarned)
            {
                _clockWarned = true;
                Log.NoTrustedClock(_logger);
            }
        }

        return (int)reader.Consumed;
    }

    // A broken cable or wrong line speed gives a rejection every second: warn once, then quietly count until a valid
    // telegram arrives again.
    private void Complain(Action log)
    {
        if (!_complaining)
        {
            _complaining = true;
            log();
        }
    }
}
