namespace Aizu.Hardware.Serial.Tests.Meters;

/// <summary>The one serial meter loop, with a made-up meter over a real pseudo-terminal.</summary>
public sealed class SerialMeterSourceTests : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly PseudoTerminal _line = PseudoTerminal.Open();
    private readonly Channel<Reading> _readings = Channel.CreateUnbounded<Reading>();
    private readonly CancellationTokenSource _stop = new();
    private readonly TtyStream _keeper;
    private readonly CapturingLogger<SerialMeterSourceTests> _log = new();
    private int _attempts;
    private int _opened;
    private int _failOpens;
    private Task? _run;

    public SerialMeterSourceTests()
    {
        // Held open in raw mode so the line keeps its settings while the driver closes and reopens it, like a UART.
        _keeper = SerialDevice.Open(_line.SlavePath, SerialSettings.Default);
    }

    private SerialMeterOptions Options { get; } = new LineMeterOptions
    {
        SilenceTimeout = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(1),
    };

    private SerialMeterSource<int, LineMeterError>? Driver { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(WaitLimit);
        }

        await _keeper.DisposeAsync();
        _line.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task ValidFrames_BecomeReadings_NoiseAndRefusedFramesAreCountedAndNeverUsed()
    {
        Start();

        await SendAsync("#100\nnoise\n#12x\n#2");
        await SendAsync("00\n");

        Assert.Equal(100, (await NextAsync()).Value);
        Assert.Equal(200, (await NextAsync()).Value);
        Assert.Equal(2, Driver!.Statistics.FramesAccepted);
        Assert.Equal(1, Driver.Statistics.FramesRejected);
        Assert.Equal(1, Driver.Statistics.Rejected(LineMeterError.NotANumber));
        Assert.Equal(1, Driver.Statistics.FramesDiscarded);
        Assert.Equal("'#12x' is not a number of watts.", Driver.Statistics.LastRejection);
    }

    [Fact]
    public async Task AFrameTheParserFailsOn_IsSkipped_AndMeteringCarriesOn()
    {
        Start();

        await SendAsync("#100\n#boom\n#300\n");

        Assert.Equal(100, (await NextAsync()).Value);
        Assert.Equal(300, (await NextAsync()).Value);
        Assert.Equal(1, Driver!.Statistics.FramesRejected);
        Assert.Contains("InvalidOperationException", Driver.Statistics.LastRejection, StringComparison.Ordinal);
        Assert.Equal(1, Volatile.Read(ref _opened));
    }

    [Fact]
    public async Task ValuesTheMapperSkips_AreCounted_AndWarnedAboutOncePerKind()
    {
        Start();

        await SendAsync("#-1\n#-2\n#-3\n#400\n");

        Assert.Equal(400, (await NextAsync()).Value);
        Assert.Equal(4, Driver!.Statistics.FramesAccepted);
        Assert.Equal(3, Driver.Statistics.ValuesSkipped);
        Assert.Equal("negative watts: -3 W cannot be drawn.", Driver.Statistics.LastSkipped);
        Assert.Equal(1, _log.Count(6711));
        Assert.True(_log.Contains(LogLevel.Warning, "Skipped negative watts of a valid line: -1 W cannot be drawn."), _log.Text);
        Assert.Equal(2, _log.Count(6712));
    }

    [Fact]
    public async Task SilentMeter_IsCounted_AndThePortReopened_ThenReadingResumes()
    {
        Start();
        await SendAsync("#1\n");
        await NextAsync();

        await WaitUntilAsync(() => Driver!.Statistics.SilentPeriods >= 1);
        await SendAsync("#2\n", opens: 2);

        Assert.Equal(2, (await NextAsync()).Value);
    }

    [Fact]
    public async Task MissingDevice_IsRetriedWithBackOff_UntilItOpens()
    {
        _failOpens = 2;
        Start();
        await SendAsync("#7\n");

        Assert.Equal(7, (await NextAsync()).Value);
        Assert.Equal(3, Volatile.Read(ref _attempts));
    }

    private void Start()
    {
        Driver = new SerialMeterSource<int, LineMeterError>("line", new LineMeterProtocol(), Options, Open, TimeProvider.System, _log);
        _run = Driver.RunAsync(_readings.Writer, _stop.Token);
    }

    private TtyStream Open(string path)
    {
        if (Interlocked.Increment(ref _attempts) <= _failOpens)
        {
            throw new IOException($"{path} does not exist: is the meter plugged in?");
        }

        var device = SerialDevice.Open(_line.SlavePath, SerialSettings.Default);
        Interlocked.Increment(ref _opened);
        return device;
    }

    /// <summary>Writes to the line once the driver has opened it <paramref name="opens"/> times (opening flushes the line).</summary>
    private async Task SendAsync(string text, int opens = 1)
    {
        await WaitUntilAsync(() => Volatile.Read(ref _opened) >= opens);
        await _line.Master.WriteAsync(Encoding.ASCII.GetBytes(text));
    }

    private async Task<Reading> NextAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        return await _readings.Reader.ReadAsync(timeout.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }

    private sealed class LineMeterOptions : SerialMeterOptions;
}
