namespace Aizu.Hardware.BRoute;

/// <summary>
/// One open dongle: the SKSTACK-IP command sequences (init, scan, join) and ECHONET Lite requests.
/// Everything the dongle says that is not the answer being waited for is handled in one place,
/// <see cref="HandleUnsolicited"/>, so a meter notification or a session event is never lost while
/// a command is in flight.
/// </summary>
internal sealed class DongleSession
{
    private const ushort EchonetPort = 0x0E1A;
    private static readonly byte[] PowerEpcs = [SmartMeterEpc.InstantaneousPower, SmartMeterEpc.InstantaneousCurrent];
    private static readonly byte[] PowerWithClockEpcs = [SmartMeterEpc.InstantaneousPower, SmartMeterEpc.InstantaneousCurrent, SmartMeterEpc.CurrentDate, SmartMeterEpc.CurrentTime];
    private static readonly byte[] EnergyEpcs = [SmartMeterEpc.CumulativeNormal, SmartMeterEpc.CumulativeReverse];
    private static readonly byte[] RegisterEpcs = [SmartMeterEpc.CumulativeUnit, SmartMeterEpc.Coefficient, SmartMeterEpc.EffectiveDigits];

    private readonly SkstackLink _link;
    private readonly BRouteOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<Reading> _notified = [];

    // Each odd property is worth one warning, not one per poll: a meter that always sends it would flood the journal.
    private readonly HashSet<byte> _skippedReported = [];
    private ushort _tid;
    private EnergyRegister? _register;
    private PanInfo? _pan;
    private int _missed;

    public DongleSession(SkstackLink link, BRouteOptions options, TimeProvider time, ILogger logger)
    {
        _link = link;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The dongle announced a session expiry (EVENT 29) and is re-authenticating by itself.</summary>
    public bool ReauthenticationPending { get; private set; }

    /// <summary>The link quality (LQI, 0–255) of the beacon the last successful scan chose.</summary>
    public byte? LastScanLqi { get; private set; }

    /// <summary>Set when the session ended (EVENT 24/26/27/28 while joined); the driver must join again.</summary>
    public string? SessionLostReason { get; private set; }

    private SkstackDialect Dialect => _options.Dialect;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Echo off first: its own echo may still come back, the reader recognises echoes.
        await CommandAsync(SkstackCommands.SkSetRegister("SFE", "0"), "SKSREG SFE 0", cancellationToken);
        var version = await CommandAsync(SkstackCommands.SkVer(), "SKVER", cancellationToken);
        Log.DongleReady(_logger, _options.DevicePath, version.OfType<SkstackVersion>().FirstOrDefault()?.Version ?? "unknown");

        // ROPT tells how ERXUDP data is printed. Firmware without ROPT answers FAIL; the reader in
        // binary mode also accepts hexadecimal, so binary is the safe guess. WOPT writes flash, so we never change it.
        try
        {
            var option = await CommandAsync(SkstackCommands.ReadOption(), "ROPT", cancellationToken);
            string? value = option.OfType<SkstackOk>().LastOrDefault()?.Value;
            _link.Reader.DataFormat = value is not null && value.EndsWith('1') ? SkstackDataFormat.HexAscii : SkstackDataFormat.Binary;
        }
        catch (DongleCommandException)
        {
            _link.Reader.DataFormat = SkstackDataFormat.Binary;
        }

        await CommandAsync(SkstackCommands.SkSetPassword(_options.Password), "SKSETPWD", cancellationToken);
        await CommandAsync(SkstackCommands.SkSetRouteBId(_options.RouteBId), "SKSETRBID", cancellationToken);
        await EndLeftoverSessionAsync(cancellationToken);
    }

    /// <summary>
    /// Ends a PANA session the dongle kept from before: it keeps one while powered, across a gateway restart or a
    /// reopened port, and answers every SKJOIN with FAIL ER10 until it is ended, so without this the meter would never
    /// be read again. A dongle without a session answers SKTERM with FAIL ER10, which is ignored.
    /// </summary>
    private async Task EndLeftoverSessionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CommandAsync(SkstackCommands.SkTerm(), "SKTERM", cancellationToken);
        }
        catch (DongleCommandException)
        {
            return;
        }

        // The session is over once the dongle says so (EVENT 27), or gives up asking the meter (EVENT 28).
        await WaitForAsync(
            message => message is SkstackEvent { Code: SkstackEventCode.SessionTerminated or SkstackEventCode.SessionTerminationTimedOut } e ? e : null,
            _options.JoinTimeout,
            cancellationToken);
    }

    /// <summary>Active scan with growing durations until the meter's PAN is found; null when nothing answered.</summary>
    public async Task<PanInfo?> ScanAsync(CancellationToken cancellationToken)
    {
        string pairId = _options.RouteBId[^8..];
        for (int duration = 4; duration <= 7; duration++)
        {
            Log.Scanning(_logger, duration);
            await CommandAsync(SkstackCommands.SkScan(Dialect, duration), "SKSCAN", cancellationToken);

            // 28 channels × 2^d × 15.36 ms, plus slack for the dongle's own overhead.
            var expected = TimeSpan.FromMilliseconds(28 * Math.Pow(2, duration) * 15.36) + TimeSpan.FromSeconds(10);
            var found = new List<SkstackPanDescriptor>();
            var done = await WaitForAsync(
                message =>
                {
                    if (message is SkstackPanDescriptor pan)
                    {
                        found.Add(pan);
                    }

                    return message is SkstackEvent { Code: SkstackEventCode.ActiveScanCompleted } ? message : null;
                },
                expected,
                cancellationToken);
            if (done is null)
            {
                throw new DongleCommandException($"The dongle did not finish the active scan within {expected.TotalSeconds:0} s.");
            }

            // Meters put the last 8 characters of the household's B-route ID in PairID; prefer that one.
            var best = found
                .OrderByDescending(p => string.Equals(p.PairId, pairId, StringComparison.OrdinalIgnoreCase))
                .ThenByDescending(p => p.Lqi)
                .FirstOrDefault();
            if (best is not null)
            {
                string address = await LinkLocalAsync(best.MacAddress, cancellationToken);
                var pan = new PanInfo(best.Channel, best.PanId, best.MacAddress, address);
                LastScanLqi = best.Lqi;
                Log.PanFound(_logger, pan.Channel, pan.PanId, pan.MacAddress, best.Lqi);
                return pan;
            }
        }

        return null;
    }

    /// <summary>Sets channel and PAN, then PANA-authenticates; false when the meter refused (EVENT 24) or did not answer.</summary>
    public async Task<bool> JoinAsync(PanInfo pan, CancellationToken cancellationToken)
    {
        _pan = pan;
        SessionLostReason = null;
        ReauthenticationPending = false;
        await CommandAsync(SkstackCommands.SkSetRegister("S2", pan.Channel.ToString("X2", CultureInfo.InvariantCulture)), "SKSREG S2", cancellationToken);
        await CommandAsync(SkstackCommands.SkSetRegister("S3", pan.PanId.ToString("X4", CultureInfo.InvariantCulture)), "SKSREG S3", cancellationToken);
        await CommandAsync(SkstackCommands.SkJoin(pan.Address), "SKJOIN", cancellationToken);
        var outcome = await WaitForAsync(
            message => message is SkstackEvent { Code: SkstackEventCode.PanaSucceeded or SkstackEventCode.PanaFailed } e ? e : null,
            _options.JoinTimeout,
            cancellationToken);
        bool joined = outcome is SkstackEvent { Code: SkstackEventCode.PanaSucceeded };
        if (joined)
        {
            // The join's own EVENT 25 must not count as a session event later.
            SessionLostReason = null;
            _missed = 0;
        }

        return joined;
    }

    /// <summary>Reads unit, coefficient and effective digits; energy values are meaningless without them.</summary>
    public async Task ReadRegisterAsync(CancellationToken cancellationToken)
    {
        EnergyRegister register = default;
        bool answered = await RequestAsync(RegisterEpcs, properties => register = MeterFrameDecoder.Register(properties), cancellationToken);
        if (answered)
        {
            _register = register;
            Log.RegisterRead(_logger, register.UnitKilowattHours, register.Coefficient, register.EffectiveDigits);
        }
    }

    /// <summary>Retries the register read when the first attempt went unanswered.</summary>
    public Task ReadRegisterIfUnknownAsync(CancellationToken cancellationToken) =>
        _register is null ? ReadRegisterAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Today's 30-minute cumulative values (set day 0 with 0xE5, then read 0xE2).</summary>
    public async Task BackfillTodayAsync(List<Reading> readings, CancellationToken cancellationToken)
    {
        if (_register is null)
        {
            return;
        }

        var day = new byte[SmartMeterCodec.HistoryDayLength];
        SmartMeterCodec.EncodeHistoryDay(day, 0);
        var frame = new byte[32];
        var writer = new EchonetFrameWriter(frame);
        writer.WriteHeader(NextTid(), EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, EchonetService.SetC);
        writer.AddProperty(SmartMeterEpc.HistoryDay, day);
        int length = writer.Complete();
        if (!await SendAndAwaitAsync(frame.AsMemory(0, length), _ => { }, cancellationToken))
        {
            return;
        }

        // "Today" is the meter's day: with an unset system clock, ask the meter what time it is.
        DateTimeOffset? now = MeterClock.IsTrusted(_time.GetUtcNow()) ? _time.GetUtcNow() : null;
        if (now is null)
        {
            await RequestAsync([SmartMeterEpc.CurrentDate, SmartMeterEpc.CurrentTime], properties => now = MeterFrameDecoder.MeterTime(properties), cancellationToken);
        }

        if (now is not { } reference)
        {
            Log.NoTrustedClock(_logger);
            return;
        }

        await RequestAsync([SmartMeterEpc.HistoryNormal], properties => MeterFrameDecoder.Decode(properties, reference, _register, readings, OnSkipped), cancellationToken);
    }

    /// <summary>The meter's own clock (0x98 date, 0x97 time: minute resolution, Japan time), or null when unanswered.</summary>
    public async Task<DateTimeOffset?> ReadMeterClockAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? meterTime = null;
        await RequestAsync([SmartMeterEpc.CurrentDate, SmartMeterEpc.CurrentTime], properties => meterTime = MeterFrameDecoder.MeterTime(properties), cancellationToken);
        return meterTime;
    }

    /// <summary>Instantaneous power and current; stamped from the meter's clock while the system clock is not set.</summary>
    public Task<bool> ReadPowerAsync(List<Reading> readings, CancellationToken cancellationToken)
    {
        bool trusted = MeterClock.IsTrusted(_time.GetUtcNow());
        return RequestAsync(trusted ? PowerEpcs : PowerWithClockEpcs, properties => DecodeStamped(properties, trusted, readings), cancellationToken);
    }

    /// <summary>Cumulative import and export registers.</summary>
    public Task<bool> ReadEnergyAsync(List<Reading> readings, CancellationToken cancellationToken)
    {
        bool trusted = MeterClock.IsTrusted(_time.GetUtcNow());
        var epcs = trusted ? EnergyEpcs : [.. EnergyEpcs, SmartMeterEpc.CurrentDate, SmartMeterEpc.CurrentTime];
        return RequestAsync(epcs, properties => DecodeStamped(properties, trusted, readings), cancellationToken);
    }

    /// <summary>Processes whatever the dongle says until <paramref name="until"/> (events, meter notifications).</summary>
    public async Task IdleUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (SessionLostReason is null)
        {
            var remaining = until - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            _ = await WaitForAsync(_ => null, remaining, cancellationToken);
        }
    }

    /// <summary>After EVENT 29, waits for the dongle's own re-authentication to finish.</summary>
    public async Task AwaitReauthenticationAsync(CancellationToken cancellationToken)
    {
        var outcome = await WaitForAsync(
            message => message is SkstackEvent { Code: SkstackEventCode.PanaSucceeded or SkstackEventCode.PanaFailed } e ? e : null,
            _options.JoinTimeout,
            cancellationToken);
        ReauthenticationPending = false;
        if (outcome is SkstackEvent { Code: SkstackEventCode.PanaSucceeded })
        {
            SessionLostReason = null;
            Log.Reauthenticated(_logger);
            return;
        }

        SessionLostReason = outcome is null
            ? "re-authentication after session expiry did not finish in time"
            : "re-authentication after session expiry failed (EVENT 24)";
    }

    /// <summary>Readings the meter pushed by itself (INF), collected while waiting for other answers.</summary>
    public void DrainNotified(List<Reading> readings)
    {
        readings.AddRange(_notified);
        _notified.Clear();
    }

    /// <summary>Ends the PANA session politely; errors are irrelevant because we are resetting anyway.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CommandAsync(SkstackCommands.SkTerm(), "SKTERM", cancellationToken);
        }
        catch (DongleCommandException)
        {
            // FAIL ER10 when no session exists: nothing to end.
        }
    }

    private void DecodeStamped(PropertyList properties, bool trusted, List<Reading> readings)
    {
        DateTimeOffset? stamp = trusted ? _time.GetUtcNow() : MeterFrameDecoder.MeterTime(properties);
        if (stamp is null)
        {
            // Neither clock can be trusted: an unstamped value is not a reading.
            Log.NoTrustedClock(_logger);
            return;
        }

        MeterFrameDecoder.Decode(properties, stamp.Value, _register, readings, OnSkipped);
    }

    /// <summary>How many meter properties were left out because their value could not be read, since the session began.</summary>
    public long PropertiesSkipped { get; private set; }

    private void OnSkipped(byte epc, string reason)
    {
        PropertiesSkipped++;
        if (_skippedReported.Add(epc))
        {
            Log.PropertySkipped(_logger, epc, reason);
        }
        else
        {
            Log.PropertySkippedAgain(_logger, epc, reason);
        }
    }

    private async Task<string> LinkLocalAsync(string mac, CancellationToken cancellationToken)
    {
        await _link.WriteAsync(SkstackCommands.SkLl64(mac), _options.CommandTimeout, cancellationToken);
        var line = await WaitForAsync(m => m as SkstackAddressLine, _options.CommandTimeout, cancellationToken);
        return (line as SkstackAddressLine)?.Address ?? SkstackAddress.LinkLocalFromMac(mac);
    }

    private async Task<bool> RequestAsync(byte[] epcs, PropertyHandler onAnswer, CancellationToken cancellationToken)
    {
        var frame = new byte[14 + epcs.Length * 2];
        int length = EchonetFrameWriter.WriteGet(frame, NextTid(), EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, epcs);
        return await SendAndAwaitAsync(frame.AsMemory(0, length), onAnswer, cancellationToken);
    }

    private async Task<bool> SendAndAwaitAsync(ReadOnlyMemory<byte> frame, PropertyHandler onAnswer, CancellationToken cancellationToken)
    {
        var pan = _pan ?? throw new InvalidOperationException("Join before sending to the meter.");
        if (SessionLostReason is not null)
        {
            // A poll cycle asks for several things; once the session is lost, the rest waits for the rejoin.
            return false;
        }

        ushort tid = _tid;
        await CommandAsync(SkstackCommands.SkSendTo(Dialect, 1, pan.Address, EchonetPort, secured: true, frame.Span), "SKSENDTO", cancellationToken);
        var answer = await WaitForAsync(message => IsAnswer(message, tid) ? message : null, _options.ResponseTimeout, cancellationToken);
        if (answer is not SkstackUdpReceived udp)
        {
            _missed++;
            Log.MeterSilent(_logger, _options.ResponseTimeout.TotalSeconds, _missed, _options.MaxMissedResponses);
            if (_missed >= _options.MaxMissedResponses)
            {
                SessionLostReason = $"the meter did not answer {_missed} requests in a row";
            }

            return false;
        }

        EchonetFrame parsed;
        try
        {
            parsed = EchonetFrame.Parse(udp.Data.Span);
        }
        catch (EchonetLiteFormatException ex)
        {
            // One garbled answer is like one missed answer: it counts towards a lost session, it is not a reason for one.
            _missed++;
            Log.MeterAnswerInvalid(_logger, ex.Message);
            return false;
        }

        _missed = 0;
        onAnswer(parsed.Properties);
        return true;
    }

    private static bool IsAnswer(SkstackMessage message, ushort tid) =>
        message is SkstackUdpReceived { RemotePort: EchonetPort, LocalPort: EchonetPort } udp
        && EchonetFrame.TryParse(udp.Data.Span, out var frame)
        && frame.Tid == tid
        && frame.Source.IsSameClass(EchonetObject.SmartElectricEnergyMeter)
        && frame.Service is EchonetService.Get_Res or EchonetService.Get_SNA or EchonetService.Set_Res or EchonetService.SetC_SNA;

    private ushort NextTid() => ++_tid == 0 ? ++_tid : _tid;

    private async Task<List<SkstackMessage>> CommandAsync(byte[] command, string name, CancellationToken cancellationToken)
    {
        await _link.WriteAsync(command, _options.CommandTimeout, cancellationToken);
        var answers = new List<SkstackMessage>();
        var result = await WaitForAsync(
            message =>
            {
                if (message is SkstackVersion or SkstackAddressLine or SkstackInfoLine)
                {
                    answers.Add(message);
                }

                return message is SkstackOk or SkstackFail ? message : null;
            },
            _options.CommandTimeout,
            cancellationToken);
        switch (result)
        {
            case null:
                throw new DongleCommandException($"The dongle did not answer {name} within {_options.CommandTimeout.TotalSeconds:0.#} s.");
            case SkstackFail fail:
                throw new DongleCommandException($"The dongle rejected {name}: FAIL {fail.ErrorCode} ({fail.Description}).");
            default:
                answers.Add(result);
                return answers;
        }
    }

    /// <summary>
    /// Reads messages until <paramref name="match"/> returns one, or the timeout passes (null).
    /// Everything else goes to <see cref="HandleUnsolicited"/>.
    /// </summary>
    private async Task<SkstackMessage?> WaitForAsync(Func<SkstackMessage, SkstackMessage?> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            var message = await _link.ReceiveAsync(remaining, cancellationToken);
            if (message is null)
            {
                return null;
            }

            if (match(message) is { } matched)
            {
                return matched;
            }

            HandleUnsolicited(message);
        }
    }

    private void HandleUnsolicited(SkstackMessage message)
    {
        switch (message)
        {
            case SkstackEvent { Code: SkstackEventCode.SessionExpired }:
                Log.SessionExpired(_logger);
                ReauthenticationPending = true;
                break;
            case SkstackEvent { Code: SkstackEventCode.PanaSucceeded } when ReauthenticationPending:
                ReauthenticationPending = false;
                Log.Reauthenticated(_logger);
                break;
            case SkstackEvent { Code: SkstackEventCode.PanaFailed }:
                SessionLostReason = "PANA authentication failed (EVENT 24)";
                break;
            case SkstackEvent { Code: SkstackEventCode.SessionTerminationRequested or SkstackEventCode.SessionTerminated or SkstackEventCode.SessionTerminationTimedOut } e:
                SessionLostReason = $"the PANA session ended (EVENT {(byte)e.Code:X2})";
                break;
            case SkstackEvent { Code: SkstackEventCode.TransmissionLimitOn }:
                Log.TransmissionLimit(_logger);
                break;
            case SkstackUdpReceived udp when udp.RemotePort == EchonetPort:
                HandleMeterFrame(udp);
                break;
            case SkstackUnrecognizedLine garbage:
                Log.UnrecognizedLine(_logger, Printable(garbage.Text), garbage.Reason);
                break;
            default:
                // Echoes, EVENT 21 (send done), late answers to timed-out requests: nothing to do.
                break;
        }
    }

    private void HandleMeterFrame(SkstackUdpReceived udp)
    {
        if (!EchonetFrame.TryParse(udp.Data.Span, out var frame))
        {
            Log.MalformedFrame(_logger, udp.Data.Length);
            return;
        }

        // Meters push INF (e.g. 0xEA at every half hour) without being asked.
        if (frame.Service is EchonetService.Inf or EchonetService.InfC && frame.Source.IsSameClass(EchonetObject.SmartElectricEnergyMeter))
        {
            bool trusted = MeterClock.IsTrusted(_time.GetUtcNow());
            DecodeStamped(frame.Properties, trusted, _notified);
        }
    }

    private static string Printable(string text)
    {
        var chars = text.Length > 80 ? text[..80].ToCharArray() : text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]) || chars[i] > '~')
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }

    private delegate void PropertyHandler(PropertyList properties);
}
