namespace Aizu.Hardware.Sml.Tests;

public sealed class FramerAndDescriberTests
{
    [Fact]
    public void Framer_CutOffFrameThenAWholeOne_DiscardsTheFirstKeepsTheSecond()
    {
        var first = RealFiles.Bytes(RealFiles.Holley);
        var second = RealFiles.Bytes(RealFiles.Dzg);
        var stream = first[..101].Concat(second).ToArray();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(stream));

        Assert.True(SmlFramer.TryReadFrame(ref reader, out var cut));
        Assert.Equal(SerialFrameKind.Discarded, cut.Kind);
        Assert.Contains("cut off", cut.Reason, StringComparison.Ordinal);
        Assert.True(SmlFramer.TryReadFrame(ref reader, out var whole));
        Assert.Equal(second, whole.Bytes.ToArray());
    }

    [Fact]
    public void Framer_IncompleteFrame_WaitsWithoutConsuming()
    {
        var bytes = RealFiles.Bytes(RealFiles.Ebz)[..^4];
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));

        Assert.False(SmlFramer.TryReadFrame(ref reader, out _));
        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public void Writer_FileOfTheSimulator_RoundTripsThroughTheParser()
    {
        byte[] server = [0x0A, 0x01, 0x45, 0x4D, 0x48, 0x00, 0x00, 0x12, 0x34, 0x56];
        SmlListEntry[] entries =
        [
            new([1, 0, 1, 8, 0, 255], 0x1C0104, null, SmlUnits.WattHour, -1, new SmlValue(SmlValueKind.UnsignedInteger, Number: 142035510), null),
            new([1, 0, 16, 7, 0, 255], null, null, SmlUnits.Watt, 0, new SmlValue(SmlValueKind.SignedInteger, Number: -1234), null),
        ];
        var frame = SmlFileWriter.WriteFrame(
        [
            new SmlMessage([1], 0, 0, SmlMessageTag.OpenResponse, new SmlOpenResponse(null, null, [9, 9], server, null, null), 0, true),
            new SmlMessage([2], 0, 0, SmlMessageTag.GetListResponse, new SmlGetListResponse(null, server, null, new SmlTime(SmlTimeKind.SecondIndex, 77), entries, null, null), 0, true),
            new SmlMessage([3], 0, 0, SmlMessageTag.CloseResponse, new SmlCloseResponse(null), 0, true),
        ]);

        var file = SmlFileParser.ParseFrame(frame);
        Assert.All(file.Messages, m => Assert.True(m.CrcMatches));
        var values = file.Entries.ToList();
        Assert.Equal(14203551.0m, values[0].ScaledValue);
        Assert.Equal(-1234m, values[1].ScaledValue);
    }

    [Fact]
    public void Describe_Holley_ListsValuesWithUnits()
    {
        string text = SmlFileDescriber.Describe(RealFiles.Bytes(RealFiles.Holley));
        var lines = text.Split('\n');

        Assert.Equal("SML frame, 500 bytes, transport CRC ED22 (correct), 3 messages", lines[0]);
        Assert.Contains(lines, l => l.Contains("1-0:1.8.0*255", StringComparison.Ordinal) && l.Contains("4499896.2 Wh", StringComparison.Ordinal) && l.Contains("energy imported, total", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("1-0:16.7.0*255", StringComparison.Ordinal) && l.Contains("137 W", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("PublicClose.Res", StringComparison.Ordinal));
        Assert.False(text.EndsWith('\n'));
    }

    [Fact]
    public void Describe_Ebz_SaysWhichMessageCrcsAreWrong()
    {
        Assert.Contains("wrong; ignored", SmlFileDescriber.Describe(RealFiles.Bytes(RealFiles.Ebz)), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_DamagedFrame_ThrowsWithTheReason()
    {
        var bytes = RealFiles.Bytes(RealFiles.Dzg);
        bytes[50] ^= 0xFF;
        Assert.Contains("CRC mismatch", Assert.Throws<SmlFormatException>(() => SmlFileDescriber.Describe(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_EachProblemNamesItsKey()
    {
        var result = new SmlOptionsValidator().Validate(null, new SmlOptions { DevicePath = "", BaudRate = 1234, PowerInterval = TimeSpan.Zero, SilenceTimeout = TimeSpan.Zero });

        foreach (var key in new[] { "DevicePath", "BaudRate", "PowerInterval", "SilenceTimeout" })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith("Aizu:Sml:" + key, StringComparison.Ordinal));
        }

        Assert.True(new SmlOptionsValidator().Validate(null, new SmlOptions()).Succeeded);
    }

    [Fact]
    public void AddSmlMeter_RegistersTheDriver_AndRefusesBadConfigurationNamingTheKey()
    {
        using var meter = RegisteredComponent.From(
            new Dictionary<string, string?> { ["Aizu:Sml:BaudRate"] = "12" },
            SmlOptions.SectionName,
            (services, section) => services.AddSmlMeter(section));

        Assert.Single(meter.Services, d => d.ServiceType == typeof(IReadingSource));
        Assert.Contains("Aizu:Sml:BaudRate", meter.Refusal<SmlOptions>().Message, StringComparison.Ordinal);
        Assert.Equal(new SerialSettings(9600), new SerialSettings(new SmlOptions().BaudRate));
    }
}
