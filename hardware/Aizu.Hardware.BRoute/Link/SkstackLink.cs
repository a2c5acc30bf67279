namespace Aizu.Hardware.BRoute;

/// <summary>
/// Bytes in, <see cref="SkstackMessage"/>s out, over one open dongle stream. Knows nothing of the
/// join procedure or ECHONET Lite; it only frames, writes with a deadline and reads with a deadline.
/// </summary>
internal sealed class SkstackLink(Stream stream, SkstackReader reader, TimeProvider time)
{
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public SkstackReader Reader => reader;

    public async Task WriteAsync(byte[] bytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(timeout, cancellationToken);
        try
        {
            await stream.WriteAsync(bytes, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"The dongle did not accept data for {timeout.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>Next message, or null when none arrived before <paramref name="timeout"/>.</summary>
    public async Task<SkstackMessage?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (TryParse(out var message))
        {
            return message;
        }

        using var deadline = Deadline(timeout, cancellationToken);
        while (true)
        {
            int read;
            try
            {
                EnsureSpace();
                read = await stream.ReadAsync(_buffer.AsMemory(_end), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            if (read == 0)
            {
                throw new IOException("The dongle's serial stream ended.");
            }

            _end += read;
            if (TryParse(out message))
            {
                return message;
            }
        }
    }

    private DeadlineSource Deadline(TimeSpan timeout, CancellationToken cancellationToken) =>
        new(timeout, time, cancellationToken);

    private bool TryParse(out SkstackMessage? message)
    {
        message = null;
        if (_end == _start)
        {
            return false;
        }

        var sequence = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
        var sequenceReader = new SequenceReader<byte>(sequence);
        bool found = reader.TryRead(ref sequenceReader, out message);
        _start += (int)sequenceReader.Consumed;
        if (_start == _end)
        {
            _start = _end = 0;
        }

        return found && message is not null;
    }

    private void EnsureSpace()
    {
        if (_end < _buffer.Length)
        {
            return;
        }

        int pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        }
        else
        {
            // A binary ERXUDP may be up to 64 KiB; grow only as far as a message needs.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _start = 0;
        _end = pending;
    }
}
