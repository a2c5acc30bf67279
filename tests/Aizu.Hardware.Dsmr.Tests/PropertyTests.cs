namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>Random and mutated input: the parser and framer never fail with anything but their own error, and a damaged
/// CRC-protected telegram never yields values.</summary>
public sealed class PropertyTests
{
    private static readonly byte[][] Checked = [.. RealTelegrams.Checked.Select(RealTelegrams.Bytes)];

    private static readonly Gen<byte> TelegramByte = Gen.OneOf(
        Gen.Byte,
        Gen.OneOfConst("/!()*.:-\r\n0123456789ABCDEFkWhVAm3"u8.ToArray()));

    [Fact]
    public void RandomBytes_OnlyEverGiveTheParsersOwnError()
    {
        Gen.Select(TelegramByte.Array[0, 400], Gen.Bool).Sample((bytes, strict) =>
        {
            var options = strict ? DsmrParseOptions.Strict : DsmrParseOptions.WithoutChecksum;
            try
            {
                DsmrTelegramParser.Parse(bytes, options);
            }
            catch (DsmrFormatException)
            {
                // The one allowed failure.
            }
        });
    }

    [Fact]
    public void RandomBytesAfterAValidHeader_OnlyEverGiveTheParsersOwnError()
    {
        Gen.Select(TelegramByte.Array[0, 400], Gen.Int[0, Checked.Length - 1]).Sample((tail, which) =>
        {
            var real = Checked[which];
            var bytes = real.AsSpan(0, real.Length / 3).ToArray().Concat(tail).ToArray();

            // TryParse must return (accepting or not) rather than throw, whatever follows the header.
            bool accepted = DsmrTelegramParser.TryParse(bytes, DsmrParseOptions.WithoutChecksum, out var parsed, out var error);
            Assert.Equal(accepted, parsed is not null);
            Assert.Equal(accepted, string.IsNullOrEmpty(error.Message));
        });
    }

    [Fact]
    public void AnySingleChangedByte_InACheckedTelegram_IsNeverAccepted()
    {
        Gen.Select(Gen.Int[0, Checked.Length - 1], Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]).Sample((which, position, flip) =>
        {
            var bytes = (byte[])Checked[which].Clone();
            int at = position % bytes.Length;

            // Changing the line end after the CRC, or the CRC's letter case, leaves the telegram's meaning intact.
            bool harmless = at >= bytes.Length - 2
                || (flip == 0x20 && char.IsAsciiHexDigit((char)bytes[at]) && char.IsAsciiLetter((char)bytes[at]) && at > Array.LastIndexOf(bytes, (byte)'!'));
            bytes[at] ^= flip;
            if (harmless)
            {
                return;
            }

            foreach (var options in new[] { DsmrParseOptions.Strict, DsmrParseOptions.WithoutChecksum })
            {
                Assert.False(DsmrTelegramParser.TryParse(bytes, options, out _, out _), $"byte {at} ^ 0x{flip:X2} accepted");
            }

            // Through the framer, as the driver sees it: no frame of the damaged bytes parses either.
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            while (DsmrFramer.TryReadFrame(ref reader, out var frame))
            {
                if (frame.Kind == SerialFrameKind.Frame)
                {
                    Assert.False(DsmrTelegramParser.TryParse(frame.Bytes.ToArray(), DsmrParseOptions.Strict, out _, out _));
                }
            }
        }, iter: 20_000);
    }

    [Fact]
    public void NoiseAroundTelegrams_NeverHidesThem_AndTheFramerNeverThrows()
    {
        var noise = Gen.Byte.Where(b => b != (byte)'/').Array[0, 60];
        Gen.Select(noise, noise, Gen.Int[0, Checked.Length - 1]).Sample((before, after, which) =>
        {
            var stream = before.Concat(Checked[which]).Concat(after).ToArray();
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(stream));
            int telegrams = 0;
            while (DsmrFramer.TryReadFrame(ref reader, out var frame))
            {
                if (frame.Kind == SerialFrameKind.Frame && DsmrTelegramParser.TryParse(frame.Bytes.ToArray(), null, out _, out _))
                {
                    telegrams++;
                }
            }

            Assert.Equal(1, telegrams);
        });
    }

    [Fact]
    public void RandomStreams_TheFramerAlwaysProgressesAndNeverThrows()
    {
        TelegramByte.Array[0, 2000].Sample(bytes =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            while (DsmrFramer.TryReadFrame(ref reader, out var frame))
            {
                Assert.True(frame.Bytes.Length > 0);
            }
        });
    }
}
