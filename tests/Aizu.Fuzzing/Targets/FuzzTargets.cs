namespace Aizu.Fuzzing;

/// <summary>The fuzz targets: every parser that reads bytes the gateway does not control.</summary>
public static class FuzzTargets
{
    /// <summary>Every target, by name.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("echonet", Echonet, ["Aizu.Hardware.EchonetLite.dll", "Aizu.Hardware.BRoute.dll"],
            ["tests/Aizu.Hardware.BRoute.Tests/Corpus", "tests/Aizu.Hardware.EchonetLite.Tests/SmartMeter"], SeedFiles.EchonetFrames),
        new("skstack", Skstack, ["Aizu.Hardware.Skstack.dll"], ["tests/Aizu.Hardware.BRoute.Tests/Corpus"], SeedFiles.Ending(".bin", ".txt")),
        new("broute-session", BRouteSession, ["Aizu.Hardware.BRoute.dll", "Aizu.Hardware.Skstack.dll", "Aizu.Hardware.EchonetLite.dll"],
            ["tests/Aizu.Fuzzing/Seeds/broute-session", "tests/Aizu.Hardware.BRoute.Tests/Corpus"], SeedFiles.DongleTranscripts),
        new("dsmr", Dsmr, ["Aizu.Hardware.Dsmr.dll", "Aizu.Hardware.Serial.dll"], ["tests/Aizu.Hardware.Dsmr.Tests/Corpus"], SeedFiles.Ending(".txt")),
        new("dsmr-session", DsmrSession, ["Aizu.Hardware.Serial.dll", "Aizu.Hardware.Dsmr.dll"], ["tests/Aizu.Hardware.Dsmr.Tests/Corpus"], SeedFiles.DsmrSessions),
        new("sml", Sml, ["Aizu.Hardware.Sml.dll", "Aizu.Hardware.Serial.dll"], ["tests/Aizu.Hardware.Sml.Tests/Corpus"], SeedFiles.Ending(".bin")),
        new("sml-session", SmlSession, ["Aizu.Hardware.Serial.dll", "Aizu.Hardware.Sml.dll"], ["tests/Aizu.Hardware.Sml.Tests/Corpus"], SeedFiles.SmlSessions),
        new("cap", Cap, ["Aizu.Wire.dll"], ["tests/Aizu.Alerts.Tests/Corpus/cap"], SeedFiles.Ending(".xml")),
        new("config", Config, ["aizu.dll", "Aizu.Configuration.dll"], ["deploy", "docs"], SeedFiles.GatewayConfigurations),
    ];

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// An ECHONET Lite frame as the meter answers, decoded as the B-route driver does: the register's unit and
    /// coefficient, the meter's clock, then every property into readings. Only a frame or a register the codec calls
    /// malformed may be refused; one bad property must cost only itself.
    /// </summary>
    private static void Echonet(ReadOnlySpan<byte> data)
    {
        if (!EchonetFrame.TryParse(data, out var frame))
        {
            return;
        }

        var readings = new List<Reading>();
        DecodeAsTheDriver(frame.Properties, readings);
        DecodeAsTheDriver(frame.SecondProperties, readings);
    }

    private static void DecodeAsTheDriver(PropertyList properties, List<Reading> readings)
    {
        EnergyRegister? register;
        try
        {
            register = MeterFrameDecoder.Register(properties);
        }
        catch (EchonetLiteFormatException)
        {
            register = null;
        }

        var stamp = MeterFrameDecoder.MeterTime(properties) ?? MeterTimeWhenNone;
        MeterFrameDecoder.Decode(properties, stamp, register, readings);
    }

    private static readonly DateTimeOffset MeterTimeWhenNone = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(9));

    /// <summary>A dongle's serial output, read by each firmware dialect in both data formats: the reader never throws on wire data.</summary>
    private static void Skstack(ReadOnlySpan<byte> data)
    {
        var bytes = new ReadOnlySequence<byte>(data.ToArray());
        foreach (var dialect in (ReadOnlySpan<SkstackDialect>)[SkstackDialect.Bp35A1, SkstackDialect.Bp35C0])
        {
            foreach (var format in (ReadOnlySpan<SkstackDataFormat>)[SkstackDataFormat.Binary, SkstackDataFormat.HexAscii])
            {
                var reader = new SkstackReader(dialect, format);
                var input = new SequenceReader<byte>(bytes);
                while (reader.TryRead(ref input, out _))
                {
                }
            }
        }
    }

    /// <summary>A whole B-route session on a dongle's serial output, as the driver runs it (see <see cref="BRouteSessionReplay"/>).</summary>
    private static void BRouteSession(ReadOnlySpan<byte> data) => BRouteSessionReplay.Run(data, logger: null);

    /// <summary>A P1 port's serial output: framed into telegrams, each parsed strictly and without the checksum; and the whole input as one telegram.</summary>
    private static void Dsmr(ReadOnlySpan<byte> data)
    {
        var readout = new DsmrReadout();
        DsmrTelegramParser.TryParse(data, DsmrParseOptions.WithoutChecksum, out _, out _);
        var input = new SequenceReader<byte>(new ReadOnlySequence<byte>(data.ToArray()));
        while (DsmrFramer.TryReadFrame(ref input, out var frame))
        {
            DsmrTelegramParser.TryParse(frame.Bytes, DsmrParseOptions.Strict, readout, out _);
            DsmrTelegramParser.TryParse(frame.Bytes, DsmrParseOptions.WithoutChecksum, readout, out _);
        }
    }

    /// <summary>A P1 port's line through the whole DSMR driver, its readings checked (see <see cref="DsmrSessionReplay"/>).</summary>
    private static void DsmrSession(ReadOnlySpan<byte> data) => DsmrSessionReplay.RunAndCheck(data);

    /// <summary>An optical read head's line through the whole SML driver, its readings checked (see <see cref="SmlSessionReplay"/>).</summary>
    private static void SmlSession(ReadOnlySpan<byte> data) => SmlSessionReplay.RunAndCheck(data);

    /// <summary>An SML meter's serial output: framed, each frame parsed; and the whole input as an SML file without transport.</summary>
    private static void Sml(ReadOnlySpan<byte> data)
    {
        try
        {
            SmlFileParser.ParseFile(data);
        }
        catch (SmlFormatException)
        {
        }

        var input = new SequenceReader<byte>(new ReadOnlySequence<byte>(data.ToArray()));
        while (SmlFramer.TryReadFrame(ref input, out var frame))
        {
            _ = SmlFileParser.TryParseFrame(frame.Bytes.ToArray(), out _, out _);
        }
    }

    /// <summary>A CAP alert as the city's downlink delivers it.</summary>
    private static void Cap(ReadOnlySpan<byte> data)
    {
        try
        {
            CapParser.Parse(data);
        }
        catch (CapFormatException)
        {
        }
    }

    /// <summary>
    /// The installer's configuration file, loaded and checked as <c>aizu run</c> does before it starts anything: a
    /// problem must come out as the one-line configuration error, never as another exception.
    /// </summary>
    private static void Config(ReadOnlySpan<byte> data)
    {
        var path = ConfigFile.Value;
        File.WriteAllBytes(path, data.ToArray());
        try
        {
            using var app = GatewayApplication.Build(new RunSettings(Demo: false, ConfigPath: path, Urls: null));
            GatewayApplication.ValidateOptions(app);
        }
        catch (GatewayConfigurationException)
        {
        }
        catch (InvalidOperationException exception) when (GatewayRunner.IsConfigurationValueError(exception))
        {
        }
    }

    private static readonly Lazy<string> ConfigFile = new(() =>
        Path.Combine(Directory.CreateTempSubdirectory("aizu-fuzz-config-").FullName, "aizu.json"));
}
