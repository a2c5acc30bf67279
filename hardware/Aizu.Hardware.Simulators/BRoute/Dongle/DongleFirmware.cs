namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// SKSTACK-IP firmware from power-on: turns each command into what the dongle prints, now and later. Its fields are the
/// dongle's RAM, lost at unplug and at SKRESET; the flash (ERXUDP data format), the fault switches and the counters
/// live in <see cref="SimulatedWiSunDongle"/>.
/// </summary>
/// <remarks>
/// All state changes and all output happen under one lock, so what the host reads is always in the order the
/// firmware decided it. Delayed output checks <see cref="epoch"/>, which SKRESET advances, so a reset silences
/// everything scheduled before it.
/// </remarks>
internal sealed class DongleFirmware
{
    // The dongle's own MAC; only its link-local address is ever printed (EVENT 22, ERXUDP destination, EINFO).
    private const string OwnMac = "001D129100A1B2C3";
    private const string MulticastAllNodes = "FF02:0000:0000:0000:0000:0000:0000:0001";
    private const ushort EchonetPort = 0x0E1A;
    private const byte DefaultChannel = 0x21;
    private const ushort DefaultPanId = 0xFFFF;
    private const byte ChannelPage = 0x09;

    private static readonly TimeSpan TerminationDelay = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan ReauthenticationDelay = TimeSpan.FromMilliseconds(1200);
    private static readonly TimeSpan InstanceListDelay = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan NotificationLag = TimeSpan.FromSeconds(2);

    private readonly SimulatedWiSunDongle owner;
    private readonly SimulatedDongleOptions options;
    private readonly SimulatedSmartMeter meter;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly DongleOutput output;
    private readonly PendingWork work;
    private readonly Lock sync = new();
    private readonly Random jitter = new(7);
    private readonly string meterAddress;
    private readonly string ownAddress;
    private readonly Dictionary<string, string> otherRegisters = new(StringComparer.Ordinal);

    private int epoch;
    private int sessionNumber;
    private bool echo;
    private byte channel;
    private ushort panId;
    private string? password;
    private string? routeBId;
    private bool scanning;
    private SessionState session;

    public DongleFirmware(
        SimulatedWiSunDongle owner, TimeProvider time, ILogger logger, DongleOutput output, PendingWork work)
    {
        this.owner = owner;
        options = owner.Options;
        meter = owner.Meter;
        this.time = time;
        this.logger = logger;
        this.output = output;
        this.work = work;
        meterAddress = SkstackAddress.LinkLocalFromMac(options.MeterMac);
        ownAddress = SkstackAddress.LinkLocalFromMac(OwnMac);
        PowerOn();
    }

    private SkstackDialect Dialect => options.Dialect;

    /// <summary>Handles one command; <paramref name="raw"/> is exactly what the host sent for it.</summary>
    public void Handle(SkstackCommand command, byte[] raw)
    {
        lock (sync)
        {
            if (command is SkstackMalformedCommand { Text: var malformed } && string.IsNullOrWhiteSpace(malformed))
            {
                return;
            }

            if (echo)
            {
                Echo(raw, command);
            }

            switch (command)
            {
                case SkstackSendToCommand sendTo:
                    SendTo(sendTo);
                    break;
                case SkstackTextCommand textCommand:
                    // The name only: arguments include the B-route password.
                    logger.CommandReceived(textCommand.Name);
                    Dispatch(textCommand);
                    break;
                case SkstackMalformedCommand bad:
                    // The command word only: a malformed SKSETPWD still carries the password.
                    var word = bad.Text.Split(' ')[0];
                    logger.CommandMalformed(word, bad.Reason);
                    Emit(SkstackResponses.Fail("ER06"));
                    break;
            }
        }
    }

    public void ExpireSession()
    {
        lock (sync)
        {
            if (session != SessionState.Joined)
            {
                logger.FaultIgnored("ExpireSession", "no PANA session is up");
                return;
            }

            logger.SessionExpired();
            Emit(Event(SkstackEventCode.SessionExpired, meterAddress));
            var fails = owner.TakeJoinFailure();
            var scheduled = epoch;
            var number = sessionNumber;
            Later(ReauthenticationDelay * options.LatencyScale, scheduled, () =>
            {
                if (session != SessionState.Joined || sessionNumber != number)
                {
                    return;
                }

                if (fails)
                {
                    logger.JoinFinished(success: false);
                    session = SessionState.None;
                    Emit(Event(SkstackEventCode.PanaFailed, meterAddress));
                }
                else
                {
                    Emit(Event(SkstackEventCode.PanaSucceeded, meterAddress));
                }
            });
        }
    }

    private void PowerOn()
    {
        epoch++;
        echo = options.EchoCommands;
        channel = DefaultChannel;
        panId = DefaultPanId;
        password = null;
        routeBId = null;
        scanning = false;
        session = SessionState.None;
        otherRegisters.Clear();
    }

    private void Dispatch(SkstackTextCommand command)
    {
        var arguments = command.Arguments;
        switch (command.Name)
        {
            case "SKVER":
                Emit(SkstackResponses.Version(Dialect == SkstackDialect.Bp35A1 ? "1.2.10" : "1.0.0"));
                Ok();
                break;
            case "SKAPPVER":
                Emit(Line("EAPPVER rev26e"));
                Ok();
                break;
            case "SKINFO":
                Emit(Line(string.Create(
                    CultureInfo.InvariantCulture, $"EINFO {ownAddress} {OwnMac} {channel:X2} {panId:X4} FFFE")));
                Ok();
                break;
            case "SKRESET":
                PowerOn();
                Ok();
                break;
            case "SKSREG":
                Register(arguments);
                break;
            case "SKSETPWD":
                password = arguments[1];
                Ok();
                break;
            case "SKSETRBID":
                routeBId = arguments[0];
                Ok();
                break;
            case "SKSCAN":
                Scan(arguments);
                break;
            case "SKLL64":
                Emit(SkstackResponses.AddressLine(SkstackAddress.LinkLocalFromMac(arguments[0])));
                break;
            case "SKJOIN":
                Join(arguments[0]);
                break;
            case "SKTERM":
                Terminate();
                break;
            case "WOPT":
                WriteOption(arguments[0]);
                break;
            case "ROPT":
                Emit(SkstackResponses.ReadOptionResult(owner.DataFormat));
                break;
            default:
                logger.CommandUnsupported(command.Name);
                Emit(SkstackResponses.Fail("ER04"));
                break;
        }
    }

    private void Register(IReadOnlyList<string> arguments)
    {
        var name = arguments[0].ToUpperInvariant();
        if (arguments.Count == 1)
        {
            var value = name switch
            {
                "S2" => channel.ToString("X2", CultureInfo.InvariantCulture),
                "S3" => panId.ToString("X4", CultureInfo.InvariantCulture),
                "SFE" => echo ? "1" : "0",
                _ => otherRegisters.GetValueOrDefault(name, "0"),
            };
            Emit(Line("ESREG " + value));
            Ok();
            return;
        }

        var text = arguments[1];
        switch (name)
        {
            case "S2" when text.Length <= 2
                && byte.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
                && value is >= ScanTiming.FirstChannel and <= ScanTiming.LastChannel:
                channel = value;
                break;
            case "S3" when text.Length <= 4
                && ushort.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value):
                panId = value;
                break;
            case "SFE" when text is "0" or "1":
                echo = text == "1";
                break;
            case "S2" or "S3" or "SFE":
                Emit(SkstackResponses.Fail("ER06"));
                return;
            default:
                otherRegisters[name] = text;
                break;
        }

        Ok();
    }

    private void WriteOption(string mode)
    {
        if (mode is not ("00" or "01"))
        {
            Emit(SkstackResponses.Fail("ER06"));
            return;
        }

        owner.DataFormat = mode == "01" ? SkstackDataFormat.HexAscii : SkstackDataFormat.Binary;
        Emit(Encoding.ASCII.GetBytes("OK\r"));
    }

    private void Scan(IReadOnlyList<string> arguments)
    {
        if (scanning)
        {
            Emit(SkstackResponses.Fail("ER10"));
            return;
        }

        var mode = arguments[0];
        var mask = uint.Parse(arguments[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var exponent = int.Parse(arguments[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var side = arguments.Count > 3 ? arguments[3] : "0";
        exponent = Math.Min(exponent, SkstackCommands.MaxScanDurationExponent);

        Ok();
        owner.CountScan();
        scanning = true;
        var channels = ScanTiming.Channels(mask);
        var perChannel = ScanTiming.PerChannel(exponent, channels.Count, options.LatencyScale);
        var meterIndex = channels.IndexOf(options.Channel);
        var beacon = mode != "0" && side == "0" && meterIndex >= 0 && options.MeterInRange;
        var untilBeacon = beacon ? perChannel * (meterIndex + 1) : TimeSpan.Zero;
        var afterBeacon = (perChannel * channels.Count) - untilBeacon;
        logger.ScanStarted(mode, channels.Count, perChannel * channels.Count);

        var scheduled = epoch;
        work.Start(async cancellationToken =>
        {
            if (beacon)
            {
                await Task.Delay(untilBeacon, time, cancellationToken);
                Deliver(scheduled, () =>
                {
                    Emit(Event(SkstackEventCode.BeaconReceived, meterAddress));
                    var pairId = mode == "2" ? options.RouteBId[^8..].ToUpperInvariant() : null;
                    Emit(SkstackResponses.PanDescriptor(
                        Dialect,
                        new SkstackPanDescriptor(options.Channel, ChannelPage, options.PanId, options.MeterMac.ToUpperInvariant(), options.Lqi, pairId)));
                });
            }

            await Task.Delay(afterBeacon, time, cancellationToken);
            Deliver(scheduled, () =>
            {
                scanning = false;
                if (mode == "0")
                {
                    Emit(Event(SkstackEventCode.EnergyDetectScanCompleted, ownAddress));
                    Emit(Line("EEDSCAN"));
                    Emit(Line(string.Join(' ', channels.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c:X2} {(c == options.Channel ? 0x3C : 0x12):X2}")))));
                }
                else
                {
                    Emit(Event(SkstackEventCode.ActiveScanCompleted, ownAddress));
                }
            });
        });
    }

    private void Join(string address)
    {
        if (session != SessionState.None)
        {
            Emit(SkstackResponses.Fail("ER10"));
            return;
        }

        Ok();
        owner.CountJoin();
        session = SessionState.Joining;
        var number = ++sessionNumber;
        var reachable = channel == options.Channel && panId == options.PanId
            && string.Equals(address, meterAddress, StringComparison.OrdinalIgnoreCase);
        var credentials = string.Equals(password, options.Password, StringComparison.Ordinal)
            && string.Equals(routeBId, options.RouteBId, StringComparison.OrdinalIgnoreCase);
        var injectedFailure = owner.TakeJoinFailure();
        var success = reachable && credentials && !injectedFailure;
        logger.JoinStarted(reachable, credentials, injectedFailure);

        var scheduled = epoch;
        work.Start(async cancellationToken =>
        {
            // Address resolution first: the meter only answers the neighbour solicitation on its own channel and PAN.
            await Step(100, scheduled, () => Emit(Event(SkstackEventCode.UdpSendCompleted, address, 0x02)), cancellationToken);
            if (reachable)
            {
                await Step(100, scheduled, () => Emit(Event(SkstackEventCode.NeighborAdvertisement, meterAddress)), cancellationToken);
                await Step(150, scheduled, () => Emit(Event(SkstackEventCode.UdpSendCompleted, meterAddress, 0x00)), cancellationToken);
                await Step(300, scheduled, () => Emit(Pana(number, 1, complete: false)), cancellationToken);
                await Step(100, scheduled, () => Emit(Event(SkstackEventCode.UdpSendCompleted, meterAddress, 0x00)), cancellationToken);
                await Step(400, scheduled, () => Emit(Pana(number, 2, complete: true)), cancellationToken);
                await Step(100, scheduled, () => Emit(Event(SkstackEventCode.UdpSendCompleted, meterAddress, 0x00)), cancellationToken);
                await Step(200, scheduled, () => FinishJoin(number, success), cancellationToken);
            }
            else
            {
                await Step(1400, scheduled, () => FinishJoin(number, success: false), cancellationToken);
            }
        });
    }

    private void FinishJoin(int number, bool success)
    {
        if (session != SessionState.Joining || sessionNumber != number)
        {
            return;
        }

        logger.JoinFinished(success);
        if (!success)
        {
            session = SessionState.None;
            Emit(Event(SkstackEventCode.PanaFailed, meterAddress));
            return;
        }

        session = SessionState.Joined;
        Emit(Event(SkstackEventCode.PanaSucceeded, meterAddress));
        var scheduled = epoch;
        Later(InstanceListDelay * options.LatencyScale, scheduled, () =>
        {
            if (session == SessionState.Joined && sessionNumber == number && !owner.IsMeterSilent)
            {
                Emit(Received(meter.InstanceListNotification(), EchonetPort, secured: true));
            }
        });
        var firstBoundary = JapanTime.ToUtc(JapanTime.LatestHalfHour(JapanTime.Now(time)).AddMinutes(30));
        work.Start(cancellationToken => NotifyLoopAsync(scheduled, number, firstBoundary, cancellationToken));
    }

    /// <summary>The meter's 0xEA/0xEB announcement after every half hour, for as long as this session lasts.</summary>
    /// <remarks>The first boundary is fixed when the session comes up, so a clock that jumps ahead (a fake clock in a
    /// test) still gets the announcement it passed.</remarks>
    private async Task NotifyLoopAsync(int scheduled, int number, DateTimeOffset boundary, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = boundary + NotificationLag - time.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
            lock (sync)
            {
                if (scheduled != epoch || sessionNumber != number || session is not (SessionState.Joined or SessionState.Terminating))
                {
                    return;
                }

                if (!owner.IsMeterSilent && meter.NextNotification() is { } notification)
                {
                    Emit(Received(notification, EchonetPort, secured: true));
                }
            }

            var now = time.GetUtcNow();
            while (boundary + NotificationLag <= now)
            {
                boundary += TimeSpan.FromMinutes(30);
            }
        }
    }

    private void Terminate()
    {
        if (session != SessionState.Joined)
        {
            Emit(SkstackResponses.Fail("ER10"));
            return;
        }

        Ok();
        session = SessionState.Terminating;
        var number = sessionNumber;
        Later(TerminationDelay * options.LatencyScale, epoch, () =>
        {
            if (session == SessionState.Terminating && sessionNumber == number)
            {
                session = SessionState.None;
                Emit(Event(SkstackEventCode.SessionTerminated, meterAddress));
            }
        });
    }

    private void SendTo(SkstackSendToCommand command)
    {
        logger.SendToReceived(command.Address, command.Port, command.Data.Length);
        if (session is not SessionState.Joined)
        {
            Emit(SkstackResponses.Fail("ER10"));
            return;
        }

        owner.CountSendTo();
        var toMeter = command.Side is null or 0
            && (string.Equals(command.Address, meterAddress, StringComparison.OrdinalIgnoreCase)
                || string.Equals(command.Address, MulticastAllNodes, StringComparison.OrdinalIgnoreCase));

        // Nobody answers the neighbour solicitation for an address that is not on the PAN, so the send fails.
        Emit(Event(SkstackEventCode.UdpSendCompleted, command.Address, toMeter ? (byte)0x00 : (byte)0x01));
        Ok();
        if (!toMeter || command.Port != EchonetPort || owner.IsMeterSilent)
        {
            return;
        }

        if (meter.Answer(command.Data.Span) is not { } meterAnswer)
        {
            return;
        }

        var answer = owner.Changed(meterAnswer);

        var delay = TimeSpan.FromMilliseconds(50 + jitter.Next(250)) * options.LatencyScale;
        var number = sessionNumber;
        Later(delay, epoch, () =>
        {
            if (session is SessionState.Joined && sessionNumber == number)
            {
                Emit(Received(answer, EchonetPort, secured: true));
                owner.CountAnswer();
            }
        });
    }

    private void Echo(byte[] raw, SkstackCommand command)
    {
        var start = 0;
        while (start < raw.Length && raw[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var end = raw.Length;
        while (end > start && raw[end - 1] is (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        // The UART echoes what it got, SKSENDTO's raw data included; product-configuration commands end with a bare CR.
        var productConfiguration = command.Name is "WOPT" or "ROPT" or "WUART" or "RUART";
        var lineEnd = productConfiguration ? "\r"u8 : "\r\n"u8;
        var echoed = new byte[end - start + lineEnd.Length];
        raw.AsSpan(start, end - start).CopyTo(echoed);
        lineEnd.CopyTo(echoed.AsSpan(end - start));
        Emit(echoed);
    }

    private byte[] Pana(int number, uint sequence, bool complete) =>
        Received(PanaMessages.AuthRequest((uint)number, sequence, complete), PanaMessages.Port, secured: false);

    private byte[] Received(byte[] data, ushort port, bool secured) =>
        SkstackResponses.UdpReceived(
            Dialect,
            owner.DataFormat,
            new SkstackUdpReceived(
                meterAddress,
                ownAddress,
                port,
                port,
                options.MeterMac.ToUpperInvariant(),
                Rssi: null,
                secured,
                Dialect == SkstackDialect.Bp35C0 ? 0 : null,
                data));

    private byte[] Event(SkstackEventCode code, string sender, byte? parameter = null) =>
        SkstackResponses.Event(Dialect, code, sender.ToUpperInvariant(), parameter);

    private void Ok() => Emit(SkstackResponses.Ok());

    private void Emit(byte[] bytes) => output.Write(bytes);

    private static byte[] Line(string text) => Encoding.ASCII.GetBytes(text + "\r\n");

    /// <summary>Waits a scaled number of milliseconds of radio time, then delivers.</summary>
    private async Task Step(int milliseconds, int scheduled, Action action, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(milliseconds) * options.LatencyScale, time, cancellationToken);
        Deliver(scheduled, action);
    }

    private void Later(TimeSpan delay, int scheduled, Action action) =>
        work.Start(async cancellationToken =>
        {
            await Task.Delay(delay, time, cancellationToken);
            Deliver(scheduled, action);
        });

    private void Deliver(int scheduled, Action action)
    {
        lock (sync)
        {
            if (scheduled == epoch)
            {
                action();
            }
        }
    }
}
