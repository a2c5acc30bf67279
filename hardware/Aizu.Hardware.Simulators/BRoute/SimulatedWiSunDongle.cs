namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// A Wi-SUN B-route USB dongle (ROHM BP35A1 or BP35C0-style SKSTACK-IP firmware) with a smart meter on the air,
/// behind a real Linux pseudo-terminal. A driver opens <see cref="DevicePath"/> exactly as it opens a real dongle and
/// talks SKSTACK-IP to it; tests inject faults through the methods below.
/// </summary>
/// <remarks>
/// <para>What the firmware prints follows the SKSTACK-IP command reference and captured logs: echo until
/// <c>SKSREG SFE 0</c>; SKSCAN answers OK, then EVENT 20 + EPANDESC when the scan reaches the meter's channel and
/// EVENT 22 when it has covered every channel; SKJOIN answers OK, then the PANA exchange (EVENT 21, EVENT 02, ERXUDP
/// on port 716) and EVENT 25 or 24, then the meter's instance list notification; SKSENDTO answers EVENT 21 then OK,
/// and the meter's answer arrives later as ERXUDP; the meter announces 0xEA/0xEB after each half hour while a session is
/// up.</para>
/// <para>Nothing here blocks for long: output that the host does not read is dropped after a timeout, and every
/// delay is cancelled by <see cref="UnplugAsync"/> and <see cref="DisposeAsync"/>.</para>
/// </remarks>
public sealed class SimulatedWiSunDongle : IAsyncDisposable
{
    private readonly ILogger logger;
    private readonly DeviceSocket<DonglePlug> socket;
    private int dataFormat;
    private readonly FaultBudget joinFailures = new();
    private int meterSilent;
    private Func<byte[], byte[]>? answerChange;
    private int scanCount;
    private int joinCount;
    private int sendToCount;
    private int framesAnswered;

    /// <summary>Creates the dongle; <see cref="StartAsync"/> plugs it in.</summary>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="SimulatedDongleOptions"/>).</exception>
    public SimulatedWiSunDongle(
        SimulatedDongleOptions options,
        SimulatedSmartMeter meter,
        TimeProvider timeProvider,
        ILogger<SimulatedWiSunDongle>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Validate(options);
        Options = options;
        Meter = meter;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        dataFormat = (int)options.DataFormat;
        socket = new DeviceSocket<DonglePlug>(
            this,
            "dongle",
            options.DevicePath,
            timeProvider,
            () => DonglePlug.Open(this, timeProvider, this.logger),
            plug => plug.SlavePath,
            plug => plug.Abandon(),
            plug =>
            {
                plug.Start();
                this.logger.PluggedIn(plug.SlavePath, Options.DevicePath ?? plug.SlavePath, Options.Dialect);
            });
    }

    /// <summary>The options the dongle was created with.</summary>
    public SimulatedDongleOptions Options { get; }

    /// <summary>The meter the dongle talks to.</summary>
    public SimulatedSmartMeter Meter { get; }

    /// <summary>
    /// The path a driver opens: <see cref="SimulatedDongleOptions.DevicePath"/> when set (a symbolic link, absent while
    /// unplugged), otherwise the current pseudo-terminal slave.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dongle has not been started and has no symbolic link.</exception>
    public string DevicePath => socket.DevicePath;

    /// <summary>SKSCAN commands accepted (answered OK) since creation.</summary>
    public int ScanCount => Volatile.Read(ref scanCount);

    /// <summary>SKJOIN commands accepted (answered OK) since creation, whatever their outcome.</summary>
    public int JoinCount => Volatile.Read(ref joinCount);

    /// <summary>SKSENDTO commands accepted (answered EVENT 21 and OK) since creation.</summary>
    public int SendToCount => Volatile.Read(ref sendToCount);

    /// <summary>Meter answers delivered to the host as ERXUDP since creation (notifications not counted).</summary>
    public int FramesAnswered => Volatile.Read(ref framesAnswered);

    /// <summary>The ERXUDP data format currently in the dongle's flash.</summary>
    public SkstackDataFormat DataFormat
    {
        get => (SkstackDataFormat)Volatile.Read(ref dataFormat);
        internal set => Volatile.Write(ref dataFormat, (int)value);
    }

    internal bool IsMeterSilent => Volatile.Read(ref meterSilent) != 0;

    /// <summary>Opens the pseudo-terminal, creates the symbolic link if configured and starts answering.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    /// <exception cref="IOException">No pseudo-terminal could be opened, or the link path is taken by a regular file.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        socket.Start();
        return Task.CompletedTask;
    }

    /// <summary>Makes the next <paramref name="count"/> PANA authentications fail (SKJOIN answers OK, then EVENT 24),
    /// including the re-authentication after <see cref="ExpireSession"/>. 0 clears it.</summary>
    public void FailNextJoins(int count)
    {
        joinFailures.Arm(count);
    }

    /// <summary>
    /// Ends the PANA session's lifetime now: prints EVENT 29, then after a re-authentication delay EVENT 25 (or EVENT 24,
    /// which ends the session, while <see cref="FailNextJoins"/> is in force). Does nothing while no session is up.
    /// </summary>
    public void ExpireSession()
    {
        var current = socket.Current;
        if (current is null)
        {
            logger.FaultIgnored("ExpireSession", "the dongle is unplugged");
            return;
        }

        current.Firmware.ExpireSession();
    }

    /// <summary>
    /// Passes every ECHONET Lite answer of the meter through <paramref name="change"/> before it goes on air (null:
    /// unchanged), as an odd meter or firmware would answer: a test changes values, property codes or lengths there.
    /// </summary>
    public void ChangeAnswers(Func<byte[], byte[]>? change) => Volatile.Write(ref answerChange, change);

    /// <summary>While true the meter receives SKSENDTO datagrams (EVENT 21 and OK still come) but never answers, and sends
    /// no notifications.</summary>
    public void SetMeterSilent(bool silent) => Volatile.Write(ref meterSilent, silent ? 1 : 0);

    /// <summary>Writes raw bytes to the host now, e.g. line noise; they are dropped while unplugged.</summary>
    public void SendGarbage(ReadOnlySpan<byte> bytes)
    {
        var current = socket.Current;
        if (current is null)
        {
            logger.FaultIgnored("SendGarbage", "the dongle is unplugged");
            return;
        }

        logger.GarbageSent(bytes.Length);
        current.Output.Write(bytes.ToArray());
    }

    /// <summary>
    /// Pulls the dongle out: removes the symbolic link, closes the pseudo-terminal (the host's reads and writes fail
    /// with <see cref="IOException"/>), waits <paramref name="downtime"/>, then plugs in a new pseudo-terminal, re-points
    /// the link and powers up with RAM state cleared (no session, echo on, password and ID forgotten; the flash data
    /// format is kept).
    /// </summary>
    /// <remarks>If cancelled during the downtime the dongle stays unplugged.</remarks>
    /// <exception cref="InvalidOperationException">The dongle is not plugged in.</exception>
    public async Task UnplugAsync(TimeSpan downtime, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(downtime, TimeSpan.Zero);
        await socket.UnplugAsync(
            downtime,
            async current =>
            {
                await current.DisposeAsync();
                logger.Unplugged(current.SlavePath, downtime);
            },
            cancellationToken);
    }

    /// <summary>Stops the dongle, closes the pseudo-terminal and removes the symbolic link.</summary>
    public async ValueTask DisposeAsync()
    {
        if (socket.TryClose(out var current) && current is not null)
        {
            await current.DisposeAsync();
        }
    }

    internal void CountScan() => Interlocked.Increment(ref scanCount);

    internal void CountJoin() => Interlocked.Increment(ref joinCount);

    internal void CountSendTo() => Interlocked.Increment(ref sendToCount);

    internal void CountAnswer() => Interlocked.Increment(ref framesAnswered);

    /// <summary>The meter's answer as <see cref="ChangeAnswers"/> says it goes on air.</summary>
    internal byte[] Changed(byte[] answer) => Volatile.Read(ref answerChange) is { } change ? change(answer) : answer;

    /// <summary>Uses up one injected join failure; true when this authentication must fail.</summary>
    internal bool TakeJoinFailure() => joinFailures.TakeOne();

    private static void Validate(SimulatedDongleOptions options)
    {
        if (options.RouteBId is null || options.RouteBId.Length != 32 || !options.RouteBId.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("RouteBId must be 32 ASCII letters or digits.", nameof(options));
        }

        if (options.Password is null || options.Password.Length is < 1 or > 32
            || !options.Password.All(c => c is > ' ' and <= '~'))
        {
            throw new ArgumentException("Password must be 1 to 32 printable ASCII characters without spaces.", nameof(options));
        }

        if (options.MeterMac is null || !SkstackAddress.IsMacAddress(options.MeterMac))
        {
            throw new ArgumentException("MeterMac must be 16 hexadecimal characters.", nameof(options));
        }

        if (options.Channel is < ScanTiming.FirstChannel or > ScanTiming.LastChannel)
        {
            throw new ArgumentException("Channel must be 0x21 to 0x3C (channels 33 to 60).", nameof(options));
        }

        if (!double.IsFinite(options.LatencyScale) || options.LatencyScale < 0)
        {
            throw new ArgumentException("LatencyScale must be a finite number of at least 0.", nameof(options));
        }

        if (options.DevicePath is { Length: 0 })
        {
            throw new ArgumentException("DevicePath must be null or a path.", nameof(options));
        }
    }
}
