using Microsoft.Extensions.Time.Testing;

namespace Aizu.Fuzzing;

/// <summary>
/// A dongle's serial port that says exactly what a transcript says: one line (up to and including LF) per read, each
/// read taking <c>step</c> of the fake clock, whatever is written is taken and dropped. At the end of the transcript
/// it calls <c>atEnd</c> (the harness stops the driver) and reads as a closed port does, 0 bytes.
/// </summary>
internal sealed class ScriptedDongleStream(byte[] transcript, FakeTimeProvider time, TimeSpan step, Action atEnd) : Stream
{
    private int _position;

    /// <summary>Bytes the driver wrote (its commands), for the replay's outcome.</summary>
    public long Written { get; private set; }

    /// <summary>PANA joins the driver started (SKJOIN commands).</summary>
    public int Joins { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position == transcript.Length)
        {
            atEnd();
            return 0;
        }

        var rest = transcript.AsSpan(_position);
        var line = rest.IndexOf((byte)'\n');
        var length = Math.Min(line < 0 ? rest.Length : line + 1, buffer.Length);
        rest[..length].CopyTo(buffer);
        _position += length;
        time.Advance(step);
        return length;
    }

    // As a real port does: a read or write asked for after its deadline passed is cancelled.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Take(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Take(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Take(ReadOnlySpan<byte> command)
    {
        Written += command.Length;
        Joins += command.StartsWith("SKJOIN "u8) ? 1 : 0;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
