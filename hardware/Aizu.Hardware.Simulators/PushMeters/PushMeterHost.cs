namespace Aizu.Hardware.Simulators.PushMeters;

/// <summary>
/// The serial side of a meter that only talks (a P1 port, an SML optical interface): a pseudo-terminal that a driver
/// opens like a USB cable, a loop that sends whatever the meter produces at its interval, and the faults a cable has
/// (unplugged, silent, noise). The meter keeps measuring while unplugged, as a real one does.
/// </summary>
internal sealed class PushMeterHost : IAsyncDisposable
{
    // A driver that stops reading fills the pty's buffer (about 4 KB); after this long we drop output rather than hang.
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(2);

    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Func<DateTimeOffset, byte[]?> _produce;
    private readonly DeviceSocket<Plug> _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task _loop = Task.CompletedTask;
    private int _silent;
    private long _sent;

    public PushMeterHost(SerialSettings settings, string? devicePath, TimeSpan interval, TimeProvider time, Func<DateTimeOffset, byte[]?> produce)
    {
        _interval = interval;
        _time = time;
        _produce = produce;
        _socket = new DeviceSocket<Plug>(
            this, "meter", devicePath, time, () => Plug.Open(settings), plug => plug.Terminal.SlavePath, plug => plug.Dispose(), _ => { });
    }

    public string DevicePath => _socket.DevicePath;

    /// <summary>Messages written to the line in full.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public bool Silent
    {
        get => Volatile.Read(ref _silent) != 0;
        set => Volatile.Write(ref _silent, value ? 1 : 0);
    }

    public void Start()
    {
        _socket.Start();
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Writes raw bytes now (line noise); dropped while unplugged.</summary>
    public Task SendRawAsync(byte[] bytes, CancellationToken cancellationToken) => WriteAsync(bytes, countAsSent: false, cancellationToken);

    public Task UnplugAsync(TimeSpan downtime, CancellationToken cancellationToken) =>
        _socket.UnplugAsync(
            downtime,
            async current =>
            {
                await _writing.WaitAsync(cancellationToken);
                try
                {
                    current.Dispose();
                }
                finally
                {
                    _writing.Release();
                }
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_socket.TryClose(out var current))
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5), _time);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // The loop ends by cancellation.
        }

        current?.Dispose();
        _stop.Dispose();
        _writing.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_interval, _time, cancellationToken);
                var bytes = _produce(_time.GetUtcNow());
                if (bytes is not null && !Silent)
                {
                    await WriteAsync(bytes, countAsSent: true, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task WriteAsync(byte[] bytes, bool countAsSent, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var plug = _socket.Current;
            if (plug is null)
            {
                return;
            }

            using var timeout = new CancellationTokenSource(WriteTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await plug.Terminal.Master.WriteAsync(bytes, linked.Token);
                if (countAsSent)
                {
                    Interlocked.Increment(ref _sent);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Nobody is reading: the bytes are lost, as on a real line.
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Unplugged while writing.
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private sealed class Plug(PseudoTerminal terminal, TtyStream keeper) : IDisposable
    {
        public PseudoTerminal Terminal { get; } = terminal;

        public static Plug Open(SerialSettings settings)
        {
            var terminal = PseudoTerminal.Open();
            try
            {
                // A new pty slave echoes and cooks input until someone sets raw mode; holding it open in raw mode
                // ourselves also keeps its settings when the driver closes and reopens it, like a real UART.
                return new Plug(terminal, SerialDevice.Open(terminal.SlavePath, settings));
            }
            catch
            {
                terminal.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            keeper.Dispose();

            // Closing the master is what the driver notices: its reads fail as with a pulled USB plug.
            Terminal.Dispose();
        }
    }
}
