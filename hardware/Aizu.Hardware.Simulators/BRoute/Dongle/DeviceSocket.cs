namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// Where a simulated serial device plugs in: the plug in at the moment (one pseudo-terminal and what runs on it), the
/// optional <see cref="DeviceSymlink"/> that follows it, started once, pulled out for a while and plugged in again
/// as a new plug, closed for good. The dongle and the push meters share it so that both behave like one USB cable.
/// </summary>
/// <typeparam name="TPlug">One period of being plugged in.</typeparam>
internal sealed class DeviceSocket<TPlug>
    where TPlug : class
{
    private readonly Lock lifecycle = new();
    private readonly object owner;
    private readonly string what;
    private readonly string? linkPath;
    private readonly DeviceSymlink? symlink;
    private readonly TimeProvider time;
    private readonly Func<TPlug> open;
    private readonly Func<TPlug, string> slavePath;
    private readonly Action<TPlug> abandon;
    private readonly Action<TPlug> activate;
    private TPlug? plug;
    private string? lastSlavePath;
    private bool started;
    private bool disposed;

    /// <param name="owner">The device, named when it is used after disposal.</param>
    /// <param name="what">The device's name in messages ("dongle", "meter").</param>
    /// <param name="linkPath">The symbolic link to keep pointed at the plug's slave, or null for none.</param>
    /// <param name="time">The clock of the downtime.</param>
    /// <param name="open">Opens a new plug (a new pseudo-terminal).</param>
    /// <param name="slavePath">The path of a plug's pseudo-terminal slave.</param>
    /// <param name="abandon">Closes a plug whose link could not be made.</param>
    /// <param name="activate">Starts a plug once its link points at it, before it becomes <see cref="Current"/>.</param>
    public DeviceSocket(
        object owner,
        string what,
        string? linkPath,
        TimeProvider time,
        Func<TPlug> open,
        Func<TPlug, string> slavePath,
        Action<TPlug> abandon,
        Action<TPlug> activate)
    {
        this.owner = owner;
        this.what = what;
        this.linkPath = linkPath;
        symlink = linkPath is null ? null : new DeviceSymlink(linkPath);
        this.time = time;
        this.open = open;
        this.slavePath = slavePath;
        this.abandon = abandon;
        this.activate = activate;
    }

    /// <summary>The link when there is one, otherwise the latest plug's slave.</summary>
    /// <exception cref="InvalidOperationException">Not started and no link.</exception>
    public string DevicePath =>
        linkPath ?? Volatile.Read(ref lastSlavePath) ?? throw new InvalidOperationException($"The simulated {what} has not been started yet.");

    /// <summary>The plug in now, or null while unplugged or closed.</summary>
    public TPlug? Current => Volatile.Read(ref plug);

    /// <summary>Plugs in the first plug.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        lock (lifecycle)
        {
            ObjectDisposedException.ThrowIf(disposed, owner);
            if (started)
            {
                throw new InvalidOperationException($"The simulated {what} is already started.");
            }

            started = true;
            PlugIn();
        }
    }

    /// <summary>
    /// Pulls the plug (the link goes first), hands it to <paramref name="pull"/> to be closed, waits
    /// <paramref name="downtime"/> and plugs in a new one unless closed meanwhile. Cancelled during the downtime, it stays
    /// unplugged.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not plugged in.</exception>
    public async Task UnplugAsync(TimeSpan downtime, Func<TPlug, Task> pull, CancellationToken cancellationToken)
    {
        TPlug current;
        lock (lifecycle)
        {
            ObjectDisposedException.ThrowIf(disposed, owner);
            current = plug ?? throw new InvalidOperationException($"The simulated {what} is not plugged in.");
            plug = null;

            // The link goes first so that a driver whose read fails already finds the path gone, as with udev.
            symlink?.Remove();
        }

        await pull(current);
        await Task.Delay(downtime, time, cancellationToken);
        lock (lifecycle)
        {
            if (!disposed)
            {
                PlugIn();
            }
        }
    }

    /// <summary>
    /// Closes the socket for good and removes the link; false when it was closed already. <paramref name="last"/> is
    /// the plug that was in, for the caller to close after whatever uses it has stopped.
    /// </summary>
    public bool TryClose(out TPlug? last)
    {
        lock (lifecycle)
        {
            last = null;
            if (disposed)
            {
                return false;
            }

            disposed = true;
            last = plug;
            plug = null;
            if (started)
            {
                symlink?.Remove();
            }

            return true;
        }
    }

    private void PlugIn()
    {
        var fresh = open();
        var path = slavePath(fresh);
        try
        {
            symlink?.PointTo(path);
        }
        catch
        {
            abandon(fresh);
            throw;
        }

        activate(fresh);
        Volatile.Write(ref lastSlavePath, path);
        Volatile.Write(ref plug, fresh);
    }
}
