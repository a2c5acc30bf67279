using static Aizu.Hardware.Skstack.Tests.WireFeed;

namespace Aizu.Hardware.Skstack.Tests;

public sealed class CodecProperties
{
    private static readonly SkstackDialect[] Dialects = [SkstackDialect.Bp35A1, SkstackDialect.Bp35C0];
    private static readonly SkstackDataFormat[] Formats = [SkstackDataFormat.Binary, SkstackDataFormat.HexAscii];

    private static readonly Gen<string> Ipv6 = Gen.UShort.Array[8].Select(
        groups => string.Join(':', groups.Select(g => g.ToString("X4", CultureInfo.InvariantCulture))));

    private static readonly Gen<string> Mac = Gen.ULong.Select(m => m.ToString("X16", CultureInfo.InvariantCulture));

    /// <summary>
    /// Random bytes mixed with protocol fragments, so the fuzzing reaches the ERXUDP, EPANDESC and SKSENDTO paths
    /// rather than only the "unknown line" one.
    /// </summary>
    private static readonly Gen<byte[]> NoisyStream = Gen.OneOf(
            Gen.Byte.Array[0, 12],
            Gen.OneOfConst(
                "ERXUDP ", "EVENT 2", "EPANDESC\r\n", "  Channel:21\r\n", "  PairID:AABBCCDD\r\n", "  LQI:E1\r\n", "\r\n",
                "\r", "\n", " ", "0005 ", "0000 ", "1 0 ", "FE80:0000:0000:0000:021D:1290:1234:5678 ", "0E1A ",
                "001D129012345678 ", "SKSENDTO ", "SKSENDTO 1 ", "OK\r", "FAIL ER04\r\n", "WOPT 01\r").Select(Ascii))
        .Array[0, 40]
        .Select(parts => parts.SelectMany(p => p).ToArray());

    [Fact]
    public void RandomBytes_NeverThrowAndAlwaysTerminate()
    {
        Gen.Select(NoisyStream, Gen.Int[0, 1000], Gen.Int[0, 3]).Sample(
            (bytes, splitSeed, mode) =>
            {
                var at = bytes.Length == 0 ? 0 : splitSeed % (bytes.Length + 1);
                var dialect = Dialects[mode % 2];
                var format = Formats[mode / 2];

                // Feed checks that every true return consumed input (bar one EPANDESC flush) and stops at false.
                _ = Read(new SkstackReader(dialect, format), SplitAt(bytes, at));
                _ = Read(new SkstackCommandReader(dialect), SplitAt(bytes, at));
            },
            iter: 3000);
    }

    [Fact]
    public void PureRandomBytes_NeverThrow()
    {
        Gen.Byte.Array[0, 600].Sample(
            bytes =>
            {
                foreach (var dialect in Dialects)
                {
                    foreach (var format in Formats)
                    {
                        _ = Read(new SkstackReader(dialect, format), bytes);
                    }

                    _ = Read(new SkstackCommandReader(dialect), bytes);
                }
            },
            iter: 1000);
    }

    [Fact]
    public void ValidErxudp_RoundTripsInBothDialectsAndFormats()
    {
        var gen = Gen.Select(
            Gen.Select(Ipv6, Ipv6, Gen.UShort, Gen.UShort, Mac),
            Gen.SByte.Nullable(0.5),
            Gen.Bool,
            Gen.Int[0, 1],
            Gen.Byte.Array[0, 300],
            Gen.Int[0, 3],
            Gen.Int[0, 10_000]);

        gen.Sample(
            (addressing, rssi, secured, side, data, mode, splitSeed) =>
            {
                var dialect = Dialects[mode % 2];
                var format = Formats[mode / 2];
                var (sender, destination, remotePort, localPort, lla) = addressing;
                var message = dialect == SkstackDialect.Bp35C0
                    ? new SkstackUdpReceived(sender, destination, remotePort, localPort, lla, rssi, secured, side, data)
                    : new SkstackUdpReceived(sender, destination, remotePort, localPort, lla, null, secured, null, data);

                var bytes = SkstackResponses.UdpReceived(dialect, format, message);
                var at = splitSeed % (bytes.Length + 1);

                Assert.Equal([message], Read(new SkstackReader(dialect, format), SplitAt(bytes, at)));
            },
            iter: 2000);
    }

    [Fact]
    public void ValidSendTo_RoundTripsThroughTheSimulatorReader()
    {
        Gen.Select(Gen.Int[1, 6], Ipv6, Gen.UShort, Gen.Bool, Gen.Byte.Array[1, SkstackCommands.MaxSendToDataLength], Gen.Int[0, 1])
            .Sample(
                (handle, address, port, secured, data, mode) =>
                {
                    var dialect = Dialects[mode];
                    var bytes = SkstackCommands.SkSendTo(dialect, handle, address, port, secured, data);

                    var expected = new SkstackSendToCommand(
                        handle, address, port, secured, dialect == SkstackDialect.Bp35C0 ? 0 : null, data);
                    Assert.Equal([expected], Read(new SkstackCommandReader(dialect), bytes));
                },
                iter: 1000);
    }
}
