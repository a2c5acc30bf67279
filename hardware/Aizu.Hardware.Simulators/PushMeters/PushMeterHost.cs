using Aizu.Hardware.Serial.PseudoTerminals;
using Aizu.Hardware.Serial.Tty;
using Aizu.Hardware.Simulators.BRoute;

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

    private readonly Lock _lifecycle = new();
    private readonly SerialSettings _settings;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Func<DateTimeOffset, byte[]?> _produce;
    private readonly DeviceSymlink? _symlink;
    private readonly string? _linkPath;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Plug? _plug;
    private string? _lastSlavePath;
    private Task _loop = Task.CompletedTask;
    private bool _started;
    private bool _disposed;
    private int _silent;
    private long _sent;

    public PushMeterHost(SerialSettings settings, string? devicePath, TimeSpan interval, TimeProvider time, Func<DateTimeOffset, byte[]?> produce)
    {
        _settings = settings;
        _interval = interval;
        _time = time;
        _produce = produce;
        _linkPath = devicePath;
        _symlink = devicePath is null ? null : new DeviceSymlink(devicePath);
    }

    public string DevicePath =>
        _linkPath ?? Volatile.Read(ref _lastSlavePath) ?? throw new InvalidOperationException("The simulated meter has not been started yet.");

    /// <summary>Messages written to the line in full.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public bool Silent
    {
        get => Volatile.Read(ref _silent) != 0;
        set => Volatile.Write(ref _silent, value ? 1 : 0);
    }

    public void Start()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                throw new InvalidOperationException("The simulated meter is already started.");
            }

            _started = true;
            PlugIn();
        }

        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Writes raw bytes now (line noise); dropped while unplugged.</summary>
    public Task SendRawAsync(byte[] bytes, CancellationToken cancellationToken) => WriteAsync(bytes, countAsSent: false, cancellationToken);

    public async Task UnplugAsync(TimeSpan downtime, CancellationToken cancellationToken)
    {
        Plug current;
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            current = _plug ?? throw new InvalidOperationException("The simulated meter is not plugged in.");
            _plug = null;

            // The link goes first so that a driver whose read fails already finds the path gone, as with udev.
            _symlink?.Remove();
        }

        await _writing.WaitAsync(cancellationToken);
        try
        {
            current.Dispose();
        }
        finally
        {
            _writing.Release();
        }

        await Task.Delay(downtime, _time, cancellationToken);
        lock (_lifecycle)
        {
            if (!_disposed)
            {
                PlugIn();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Plug? current;
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            current = _plug;
            _plug = null;
            if (_started)
            {
                _symlink?.Remove();
            }
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
            var plug = Volatile.Read(ref _plug);
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

    private void PlugIn()
    {
        var terminal = PseudoTerminal.Open();
        TtyStream? keeper = null;
        try
        {
            // A new pty slave echoes and cooks input until someone sets raw mode; holding it open in raw mode ourselves
            // also keeps its settings when the driver closes and reopens it, like a real UART.
            keeper = SerialDevice.Open(terminal.SlavePath, _settings);
            _symlink?.PointTo(terminal.SlavePath);
        }
        catch
        {
            keeper?.Dispose();
            terminal.Dispose();
            throw;
        }

        Volatile.Write(ref _lastSlavePath, terminal.SlavePath);
        Volatile.Write(ref _plug, new Plug(terminal, keeper));
    }

    private sealed class Plug(PseudoTerminal terminal, TtyStream keeper) : IDisposable
    {
        public PseudoTerminal Terminal { get; } = terminal;

        public void Dispose()
        {
            keeper.Dispose();

            // Closing the master is what the driver notices: its reads fail as with a pulled USB plug.
            Terminal.Dispose();
        }
    }
}
