namespace Aizu.Hardware.Dsmr.Tests;

public sealed class FramerTests
{
    [Fact]
    public void GarbageBeforeTelegram_IsDiscardedAndTheTelegramFound()
    {
        var frames = Frames("\x01\xFFnoise" + RealTelegrams.V50);

        Assert.Equal([SerialFrameKind.Discarded, SerialFrameKind.Frame], frames.Select(f => f.Kind));
        Assert.Equal(RealTelegrams.V50, frames[1].Text);
    }

    [Fact]
    public void CutOffTelegram_FollowedByAWholeOne_IsDiscardedAndTheNextOneKept()
    {
        var frames = Frames(RealTelegrams.V50[..300] + RealTelegrams.V42);

        Assert.Equal(SerialFrameKind.Discarded, frames[0].Kind);
        Assert.Contains("cut off", frames[0].Reason, StringComparison.Ordinal);
        Assert.Equal(RealTelegrams.V42, frames[1].Text);
    }

    [Fact]
    public void LineEndsBetweenTelegrams_AreNotReportedAsNoise()
    {
        var frames = Frames("\r\n" + RealTelegrams.V22 + "\r\n\r\n" + RealTelegrams.V3);

        Assert.Equal([RealTelegrams.V22, RealTelegrams.V3], frames.Select(f => f.Text));
    }

    [Fact]
    public void IncompleteTelegram_WaitsForMoreWithoutConsuming()
    {
        var bytes = RealTelegrams.Bytes(RealTelegrams.V50[..^3]);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));

        Assert.False(DsmrFramer.TryReadFrame(ref reader, out _));
        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public void TelegramSplitAcrossSegments_IsFramedWhole()
    {
        var bytes = RealTelegrams.Bytes(RealTelegrams.V42);
        var sequence = Segments(bytes, 7);
        var reader = new SequenceReader<byte>(sequence);

        Assert.True(DsmrFramer.TryReadFrame(ref reader, out var frame));
        Assert.Equal(SerialFrameKind.Frame, frame.Kind);
        Assert.Equal(bytes, frame.Bytes.ToArray());
        Assert.NotNull(DsmrTelegramParser.Parse(frame.Bytes));
    }

    [Fact]
    public void EndlessDataWithoutEnd_IsDiscardedAtTheLimit()
    {
        var text = "/ISk5\\2MT382-1000\r\n" + new string('1', 200);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)));

        Assert.True(DsmrFramer.TryReadFrame(ref reader, out var frame, maxTelegramLength: 100));
        Assert.Equal(SerialFrameKind.Discarded, frame.Kind);
        Assert.Equal(text.Length, reader.Consumed);
    }

    [Fact]
    public void FedOneByteAtATime_FindsTheSameTelegrams()
    {
        var stream = "junk" + RealTelegrams.V50 + RealTelegrams.V42[..100] + RealTelegrams.FluviusEMucs;
        var found = new List<string>();
        var pending = new List<byte>();
        foreach (byte b in Encoding.ASCII.GetBytes(stream))
        {
            pending.Add(b);
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(pending.ToArray()));
            while (DsmrFramer.TryReadFrame(ref reader, out var frame))
            {
                if (frame.Kind == SerialFrameKind.Frame)
                {
                    found.Add(Encoding.ASCII.GetString(frame.Bytes.ToArray()));
                }
            }

            pending.RemoveRange(0, (int)reader.Consumed);
        }

        Assert.Equal([RealTelegrams.V50, RealTelegrams.FluviusEMucs], found);
    }

    internal static List<(SerialFrameKind Kind, string Text, string? Reason)> Frames(string stream)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(stream)));
        var frames = new List<(SerialFrameKind, string, string?)>();
        while (DsmrFramer.TryReadFrame(ref reader, out var frame))
        {
            frames.Add((frame.Kind, Encoding.Latin1.GetString(frame.Bytes.ToArray()), frame.Reason));
        }

        return frames;
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1000)]
    public void TelegramSplitAcrossSegments_ParsesIntoReadoutAsOneSpan(int size)
    {
        byte[] bytes = RealTelegrams.Bytes(RealTelegrams.V50);
        var readout = new DsmrReadout();

        Assert.True(DsmrTelegramParser.TryParse(Segments(bytes, size), DsmrParseOptions.Strict, readout, out var error), error.Message);

        var whole = DsmrTelegramParser.Parse(bytes);
        Assert.Equal(whole.NetPower, readout.NetPower);
        Assert.Equal(whole.ImportEnergy, readout.ImportEnergy);
        Assert.Equal(whole.Checksum, readout.Checksum);
        Assert.Equal(whole.MBus, readout.ToTelegram().MBus);
    }

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size) => SegmentedSequence.Chunked(bytes, size);
}
