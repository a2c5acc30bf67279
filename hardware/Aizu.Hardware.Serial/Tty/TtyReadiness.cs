namespace Aizu.Hardware.Serial.Tty;

/// <summary>
/// Lets an async reader wait until a tty has data, without a timer: one thread per open tty sleeps
/// in <c>poll()</c> on the tty and an eventfd (cancellation and close ring the eventfd).
/// </summary>
/// <remarks>
/// A 10 ms <c>Task.Delay</c> loop cost ~8 % of a core on an idle gateway (timer wake-ups plus
/// thread-pool spinning). Blocking a thread-pool thread in <c>poll()</c> instead would starve the
/// pool with a few meters open, so the wait gets its own thread, which is asleep in the kernel
/// whenever the line is quiet.
/// </remarks>
internal sealed class TtyReadiness : IDisposable
{
    // A pseudo-terminal master whose slave nobody holds reports POLLHUP at once and forever; pause
    // so a simulator waiting for its driver does not spin.
    private const int HungUpPauseMs = 50;

    private readonly int _fd;
    private readonly bool _pauseWhileHungUp;
    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _requests = new(0);
    private int _wakeFd = -1;
    private Thread? _thread;
    private TaskCompletionSource? _pending;
    private bool _disposed;

    internal TtyReadiness(int fd, string path, bool pauseWhileHungUp)
    {
        _fd = fd;
        _path = path;
        _pauseWhileHungUp = pauseWhileHungUp;
    }

    /// <summary>Completes when the tty may have data (or has hung up), or throws when cancelled.</summary>
    internal async Task WaitAsync(CancellationToken cancellationToken)
    {
        var readable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            EnsureStarted();
            _pending = readable;
        }

        _requests.Release();
        using (cancellationToken.UnsafeRegister(static state => ((TtyReadiness)state!).Wake(), this))
        {
            await readable.Task.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Stops the waiting thread; call before the tty's descriptor is closed.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            thread = _thread;
        }

        if (thread is not null)
        {
            Wake();
            _requests.Release();
            thread.Join();
            _ = LibC.close(_wakeFd);
        }

        _pending?.TrySetResult();
        _requests.Dispose();
    }

    private void EnsureStarted()
    {
        if (_thread is not null)
        {
            return;
        }

        _wakeFd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
        if (_wakeFd < 0)
        {
            throw new IOException($"{_path}: eventfd failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "tty wait" };
        _thread.Start();
    }

    private unsafe void Wake()
    {
        ulong one = 1;
        _ = LibC.write(_wakeFd, (byte*)&one, sizeof(ulong));
    }

    private unsafe void Run()
    {
        Span<LibC.PollFd> fds = stackalloc LibC.PollFd[2];
        while (true)
        {
            _requests.Wait();
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
            }

            fds[0] = new LibC.PollFd { Fd = _fd, Events = LibC.POLLIN };
            fds[1] = new LibC.PollFd { Fd = _wakeFd, Events = LibC.POLLIN };
            fixed (LibC.PollFd* p = fds)
            {
                _ = LibC.poll(p, 2, -1);
                if (_pauseWhileHungUp && (fds[0].Revents & LibC.POLLHUP) != 0 && (fds[1].Revents & LibC.POLLIN) == 0)
                {
                    _ = LibC.poll(p + 1, 1, HungUpPauseMs);
                }
            }

            ulong drained;
            _ = LibC.read(_wakeFd, (byte*)&drained, sizeof(ulong));

            TaskCompletionSource? pending;
            lock (_gate)
            {
                pending = _pending;
                _pending = null;
            }

            pending?.TrySetResult();
        }
    }
}
