namespace Aizu.Hardware.EchonetLite.Tests.Frames;

public sealed class EchonetFrameWriterTests
{
    public static TheoryData<EchonetService> AllServices => new(Enum.GetValues<EchonetService>());

    [Theory]
    [MemberData(nameof(AllServices))]
    public void RoundTrip_EveryService_ParsesBackTheSameFrame(EchonetService service)
    {
        PropertySpec[] first = [new(0xE7, [0x00, 0x00, 0x01, 0xF8]), new(0x80, [0x30]), new(0xE0, [])];
        PropertySpec[] second = FrameSpec.HasSecondList(service) ? [new(0xE8, [0x00, 0x1E, 0x00, 0x32]), new(0xD3, [])] : [];
        var spec = new FrameSpec(0xBEEF, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, service, first, second);

        byte[] bytes = spec.ToBytes();
        var parsed = FrameSpec.From(EchonetFrame.Parse(bytes));

        Assert.Equal(spec.ToString(), parsed.ToString());
    }

    [Theory]
    [MemberData(nameof(AllServices))]
    public void RoundTrip_EveryServiceWithEmptyLists_ParsesBack(EchonetService service)
    {
        var spec = new FrameSpec(0, EchonetObject.NodeProfile, EchonetObject.NodeProfile, service, [], []);

        var parsed = FrameSpec.From(EchonetFrame.Parse(spec.ToBytes()));

        Assert.Equal(spec.ToString(), parsed.ToString());
    }

    [Fact]
    public void AddProperty_Pdc255_IsAccepted()
    {
        var spec = new FrameSpec(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, EchonetService.SetC,
            [new(0xF0, new byte[255])], []);

        var parsed = FrameSpec.From(EchonetFrame.Parse(spec.ToBytes()));

        Assert.Equal(255, parsed.First[0].Edt.Length);
    }

    [Fact]
    public void AddProperty_255Properties_IsAccepted()
    {
        var properties = Enumerable.Range(0, 255).Select(i => new PropertySpec((byte)i, [])).ToArray();
        var spec = new FrameSpec(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, EchonetService.Get, properties, []);

        var frame = EchonetFrame.Parse(spec.ToBytes());

        Assert.Equal(255, frame.Properties.Count);
    }

    [Fact]
    public void WriteGet_SeveralEpcs_WritesEmptyEdts()
    {
        var buffer = new byte[64];

        int length = EchonetFrameWriter.WriteGet(
            buffer, 0x0102, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, [0xD3, 0xD7, 0xE1]);

        Assert.Equal("1081010205FF010288016203D300D700E100", Hex.Of(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void Length_TracksBytesWritten()
    {
        var writer = FromControllerToMeter(EchonetService.Get);
        writer.AddProperty(0xE7, []);

        Assert.Equal(14, writer.Length);
        Assert.Equal(14, writer.Complete());
    }

    [Fact]
    public void WriteHeader_DestinationTooSmall_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
        {
            var writer = new EchonetFrameWriter(new byte[11]);
            writer.WriteHeader(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, EchonetService.Get);
        });

        Assert.Contains("Destination holds 11 bytes; the frame needs at least 12", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddProperty_DestinationTooSmall_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            var writer = new EchonetFrameWriter(new byte[15]);
            writer.WriteHeader(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, EchonetService.SetC);
            writer.AddProperty(0xE5, [1, 2]);
        });
    }

    [Fact]
    public void AddProperty_EdtLongerThan255_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
        {
            var writer = new EchonetFrameWriter(new byte[1024]);
            writer.WriteHeader(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, EchonetService.SetC);
            writer.AddProperty(0xF0, new byte[256]);
        });

        Assert.Equal("edt", exception.ParamName);
    }

    [Fact]
    public void AddProperty_256thProperty_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new EchonetFrameWriter(new byte[1024]);
            writer.WriteHeader(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, EchonetService.Get);
            for (int i = 0; i < 256; i++)
            {
                writer.AddProperty((byte)i, []);
            }
        });
    }

    [Fact]
    public void WriteGet_MoreThan255Epcs_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EchonetFrameWriter.WriteGet(
            new byte[1024], 1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, new byte[256]));
    }

    [Fact]
    public void WriteGet_DestinationTooSmall_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EchonetFrameWriter.WriteGet(
            new byte[13], 1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, [0xE7]));
    }

    [Fact]
    public void WriteHeader_UnknownService_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            var writer = new EchonetFrameWriter(new byte[32]);
            writer.WriteHeader(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, (EchonetService)0x64);
        });
    }

    [Fact]
    public void WriteHeader_Twice_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = FromControllerToMeter(EchonetService.Get);
            writer.WriteHeader(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, EchonetService.Get);
        });
    }

    [Fact]
    public void AddProperty_BeforeHeader_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new EchonetFrameWriter(new byte[32]);
            writer.AddProperty(0xE7, []);
        });
    }

    [Fact]
    public void Complete_BeforeHeader_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new EchonetFrameWriter(new byte[32]).Complete());
    }

    [Fact]
    public void BeginSecondList_OnGet_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = FromControllerToMeter(EchonetService.Get);
            writer.BeginSecondList();
        });
    }

    [Fact]
    public void BeginSecondList_Twice_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = FromControllerToMeter(EchonetService.SetGet);
            writer.BeginSecondList();
            writer.BeginSecondList();
        });
    }

    [Fact]
    public void Complete_SetGetWithoutSecondList_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = FromControllerToMeter(EchonetService.SetGet);
            writer.AddProperty(0xE5, [0x01]);
            writer.Complete();
        });
    }

    [Fact]
    public void BeginSecondList_NoRoomForOpcGet_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            var writer = new EchonetFrameWriter(new byte[12]);
            writer.WriteHeader(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, EchonetService.SetGet);
            writer.BeginSecondList();
        });
    }

    /// <summary>A writer on a 32-byte buffer with the header of a <paramref name="service"/> frame from the controller to the meter, TID 1.</summary>
    private static EchonetFrameWriter FromControllerToMeter(EchonetService service)
    {
        var writer = new EchonetFrameWriter(new byte[32]);
        writer.WriteHeader(1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter, service);
        return writer;
    }
}
