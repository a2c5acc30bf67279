namespace Aizu.Fuzzing;

/// <summary>
/// A serial port that says exactly what a recording says: each read returns the bytes up to and including the next LF,
/// at most <c>maxRead</c> of them, and takes <c>step</c> of the fake clock. At the end of the recording it calls
/// <c>atEnd</c> (the harness stops the driver) and reads as a closed port does, 0 bytes. Writes are refused unless a
/// subclass takes them.
/// </summary>
internal class ScriptedLineStream(byte[] recording, FakeTimeProvider time, TimeSpan step, Action atEnd, int maxRead = int.MaxValue) : Stream
{
    private int _position;

    /// <summary>Whether every byte of the recording has been read.</summary>
    public bool AtEnd => _position == recording.Length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (AtEnd)
        {
            atEnd();
            return 0;
        }

        var rest = recording.AsSpan(_position);
        var line = rest.IndexOf((byte)'\n');
        var length = Math.Min(Math.Min(line < 0 ? rest.Length : line + 1, maxRead), buffer.Length);
        rest[..length].CopyTo(buffer);
        _position += length;
        time.Advance(step);
        return length;
    }

    // As a real port does: a read asked for after its deadline passed is cancelled.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
