namespace Aizu.Hardware.Serial.Tty;

/// <summary>
/// A stream over a non-blocking tty file descriptor (a USB serial adapter, or either side of a
/// pseudo-terminal). Reads honour cancellation and a pulled-out device surfaces as an
/// <see cref="IOException"/> rather than a hang.
/// </summary>
/// <remarks>
/// We do not use System.IO.Ports here: on Linux its SerialPort keeps reporting a pulled-out USB
/// adapter as open and its Close() can block indefinitely afterwards (dotnet/runtime#121627), which
/// would stop the gateway from ever recovering from a dongle unplug.
/// </remarks>
public sealed class TtyStream : Stream
{
    // Only writes into a full output queue and the synchronous read wait on a timer; async reads
    // sleep in poll() (TtyReadiness).
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(10);

    private readonly Lock _lock = new();
    private readonly bool _waitWhileHungUp;
    private readonly TtyReadiness _readiness;
    private int _fd;

    internal TtyStream(int fd, string path, bool waitWhileHungUp)
    {
        _fd = fd;
        Path = path;
        _waitWhileHungUp = waitWhileHungUp;
        _readiness = new TtyReadiness(fd, path, pauseWhileHungUp: waitWhileHungUp);
    }

    /// <summary>The device path this stream was opened on.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override bool CanRead => !IsClosed;

    /// <inheritdoc />
    public override bool CanWrite => !IsClosed;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    private bool IsClosed => Volatile.Read(ref _fd) < 0;

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = TryRead(buffer.Span);
            if (n > 0)
            {
                return n;
            }

            await _readiness.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override unsafe int Read(Span<byte> buffer)
    {
        while (true)
        {
            int n = TryRead(buffer);
            if (n > 0 || buffer.IsEmpty)
            {
                return n;
            }

            // The synchronous path may block: wait in poll rather than spinning.
            int fd = Volatile.Read(ref _fd);
            ObjectDisposedException.ThrowIf(fd < 0, this);
            var pfd = new LibC.PollFd { Fd = fd, Events = LibC.POLLIN };
            _ = LibC.poll(&pfd, 1, (int)IdlePoll.TotalMilliseconds * 10);
        }
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int written = TryWrite(buffer.Span);
            if (written > 0)
            {
                buffer = buffer[written..];
                continue;
            }

            // Output queue full (slow line or nobody reading the other side): wait and retry.
            await Task.Delay(IdlePoll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int written = TryWrite(buffer);
            if (written > 0)
            {
                buffer = buffer[written..];
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        // Writes go straight to the kernel; there is nothing buffered here.
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // The waiting thread must leave poll() before the descriptor it watches is closed.
        _readiness.Dispose();
        lock (_lock)
        {
            int fd = Interlocked.Exchange(ref _fd, -1);
            if (fd >= 0)
            {
                _ = LibC.close(fd);
            }
        }

        base.Dispose(disposing);
    }

    // > 0: bytes read; 0: nothing yet. Throws when the device is gone.
    private unsafe int TryRead(Span<byte> buffer)
    {
        lock (_lock)
        {
            int fd = _fd;
            ObjectDisposedException.ThrowIf(fd < 0, this);
            nint n;
            fixed (byte* p = buffer)
            {
                n = LibC.read(fd, p, (nuint)buffer.Length);
            }

            if (n > 0)
            {
                return (int)n;
            }

            int errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
            if (n < 0 && errno is LibC.EAGAIN or LibC.EINTR)
            {
                return 0;
            }

            // read() == 0 or EIO: the other end hung up. For a pseudo-terminal master that only
            // means no driver has the slave open right now; for a device it means it is gone.
            if (_waitWhileHungUp && (n == 0 || errno == LibC.EIO))
            {
                return 0;
            }

            throw new IOException(n == 0 || errno == LibC.EIO
                ? $"{Path}: the device was disconnected."
                : $"{Path}: read failed (errno {errno}).");
        }
    }

    private unsafe int TryWrite(ReadOnlySpan<byte> buffer)
    {
        lock (_lock)
        {
            int fd = _fd;
            ObjectDisposedException.ThrowIf(fd < 0, this);
            nint n;
            fixed (byte* p = buffer)
            {
                n = LibC.write(fd, p, (nuint)buffer.Length);
            }

            if (n >= 0)
            {
                return (int)n;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno is LibC.EAGAIN or LibC.EINTR || (_waitWhileHungUp && errno == LibC.EIO))
            {
                return 0;
            }

            throw new IOException(errno == LibC.EIO
                ? $"{Path}: the device was disconnected."
                : $"{Path}: write failed (errno {errno}).");
        }
    }
}
