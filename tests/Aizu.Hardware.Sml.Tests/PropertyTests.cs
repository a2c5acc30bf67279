namespace Aizu.Hardware.Sml.Tests;

/// <summary>Random and mutated input: the decoder and framer never fail with anything but their own error, and a
/// damaged frame never yields values.</summary>
public sealed class PropertyTests
{
    private static readonly byte[][] Captures = [RealFiles.Bytes(RealFiles.Dzg), RealFiles.Bytes(RealFiles.Holley), RealFiles.Bytes(RealFiles.Ebz)];

    [Fact]
    public void RandomFiles_OnlyEverGiveTheDecodersOwnError()
    {
        Gen.OneOf(Gen.Byte, Gen.OneOfConst<byte>(0x00, 0x01, 0x62, 0x63, 0x72, 0x76, 0x77, 0x07, 0x1B, 0x1A)).Array[0, 300].Sample(bytes =>
        {
            try
            {
                SmlFileParser.ParseFile(bytes);
            }
            catch (SmlFormatException)
            {
                // The one allowed failure.
            }
        });
    }

    [Fact]
    public void MutatedFilesInsideValidFrames_OnlyEverGiveTheDecodersOwnError()
    {
        // The transport CRC is recomputed, so the TLV decoder itself meets the damage.
        Gen.Select(Gen.Int[0, Captures.Length - 1], Gen.Int[0, int.MaxValue], Gen.Byte).Sample((which, position, value) =>
        {
            var file = SmlTransport.Unwrap(Captures[which]);
            file[position % file.Length] = value;
            try
            {
                SmlFileParser.ParseFrame(SmlTransport.Wrap(file));
            }
            catch (SmlFormatException)
            {
                // The one allowed failure.
            }
        });
    }

    [Fact]
    public void AnySingleChangedByte_InARealFrame_IsNeverAccepted()
    {
        Gen.Select(Gen.Int[0, Captures.Length - 1], Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]).Sample((which, position, flip) =>
        {
            var bytes = (byte[])Captures[which].Clone();
            bytes[position % bytes.Length] ^= flip;

            Assert.False(SmlFileParser.TryParseFrame(bytes, out _, out _));
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            while (SmlFramer.TryReadFrame(ref reader, out var frame))
            {
                if (frame.Kind == SerialFrameKind.Frame)
                {
                    Assert.False(SmlFileParser.TryParseFrame(frame.Bytes.ToArray(), out _, out _));
                }
            }
        }, iter: 20_000);
    }

    [Fact]
    public void NoiseAroundAFrame_NeverHidesIt()
    {
        var noise = Gen.Byte.Array[0, 40];
        Gen.Select(noise, noise, Gen.Int[0, Captures.Length - 1]).Sample((before, after, which) =>
        {
            var stream = before.Concat(Captures[which]).Concat(after).ToArray();
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(stream));
            int files = 0;
            while (SmlFramer.TryReadFrame(ref reader, out var frame))
            {
                if (frame.Kind == SerialFrameKind.Frame && SmlFileParser.TryParseFrame(frame.Bytes.ToArray(), out _, out _))
                {
                    files++;
                }
            }

            Assert.Equal(1, files);
        });
    }

    [Fact]
    public void RandomStreams_TheFramerAlwaysProgressesAndNeverThrows()
    {
        Gen.OneOf(Gen.Byte, Gen.OneOfConst<byte>(0x1B, 0x01, 0x1A)).Array[0, 2000].Sample(bytes =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            while (SmlFramer.TryReadFrame(ref reader, out var frame))
            {
                Assert.True(frame.Bytes.Length > 0);
            }
        });
    }
}
