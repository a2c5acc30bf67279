namespace Aizu.Hardware.EchonetLite.Tests.Frames;

/// <summary>
/// The parser faces whatever arrives over the radio: it may only ever answer with a frame or an
/// <see cref="EchonetLiteFormatException"/>, and TryParse with true or false.
/// </summary>
public sealed class EchonetFramePropertyTests
{
    private const int Iterations = 20_000;

    // Random bytes almost never pass EHD1/EHD2/ESV, so half the inputs get a valid header to reach the list parsing.
    private static readonly Gen<byte[]> RandomInput = Gen.Frequency(
        (1, (IGen<byte[]>)Gen.Byte.Array[0, 300]),
        (1, Gen.Select(FrameGen.Service, Gen.Byte.Array[0, 290], (service, tail) =>
        {
            byte[] data = new byte[10 + 1 + tail.Length];
            data[0] = 0x10;
            data[1] = 0x81;
            data[10] = (byte)service;
            tail.CopyTo(data, 11);
            return data;
        })));

    private static readonly Gen<byte[]> MutatedFrame = Gen.Select(
        FrameGen.Frame, Gen.Int[0, 4], Gen.Int, Gen.Byte, (spec, kind, position, value) =>
        {
            var bytes = spec.ToBytes().ToList();
            int at = (int)((uint)position % (uint)(bytes.Count + 1));
            switch (kind)
            {
                case 0 when at < bytes.Count: bytes[at] = value; break;
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                case 2: bytes.Insert(at, value); break;
                case 3 when at < bytes.Count: bytes.RemoveAt(at); break;
                default: bytes.Add(value); break;
            }

            return bytes.ToArray();
        });

    [Fact]
    public void Parse_RandomBytes_OnlyThrowsEchonetLiteFormatException() =>
        RandomInput.Sample(AssertParsersAgree, iter: Iterations);

    [Fact]
    public void Parse_MutatedValidFrames_OnlyThrowsEchonetLiteFormatException() =>
        MutatedFrame.Sample(AssertParsersAgree, iter: Iterations);

    [Fact]
    public void RoundTrip_RandomValidFrames_ParseToWhatWasWritten() =>
        FrameGen.Frame.Sample(spec =>
        {
            byte[] bytes = spec.ToBytes();

            var frame = EchonetFrame.Parse(bytes);

            Assert.Equal(spec.ToString(), FrameSpec.From(frame).ToString());
            Assert.Equal(spec.First.Length, frame.Properties.Count);
            Assert.Equal(spec.Second.Length, frame.SecondProperties.Count);
            Assert.True(EchonetFrame.TryParse(bytes, out _));
        }, iter: Iterations);

    [Fact]
    public void Parse_StrictPrefixOfRandomValidFrame_AlwaysFails() =>
        Gen.Select(FrameGen.Frame, Gen.Int, (spec, cut) => (spec, cut)).Sample(pair =>
        {
            byte[] bytes = pair.spec.ToBytes();
            byte[] prefix = bytes[..(int)((uint)pair.cut % (uint)bytes.Length)];

            Assert.False(EchonetFrame.TryParse(prefix, out _));
            Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(prefix));
        }, iter: Iterations);

    private static void AssertParsersAgree(byte[] data)
    {
        bool tryParsed = EchonetFrame.TryParse(data, out var tried);
        bool parsed;
        try
        {
            var frame = EchonetFrame.Parse(data);
            parsed = true;
            int visited = 0;
            foreach (var property in frame.Properties)
            {
                visited++;
            }

            foreach (var property in frame.SecondProperties)
            {
                visited++;
            }

            Assert.Equal(frame.Properties.Count + frame.SecondProperties.Count, visited);
            Assert.Equal(FrameSpec.From(frame).ToString(), FrameSpec.From(tried).ToString());
        }
        catch (EchonetLiteFormatException exception)
        {
            parsed = false;
            Assert.False(string.IsNullOrWhiteSpace(exception.Message));
        }

        Assert.Equal(parsed, tryParsed);
    }
}
