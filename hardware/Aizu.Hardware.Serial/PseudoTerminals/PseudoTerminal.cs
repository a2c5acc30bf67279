namespace Aizu.Hardware.Serial.PseudoTerminals;

/// <summary>
/// A Linux pseudo-terminal pair. A simulator owns <see cref="Master"/>; the driver under test opens
/// <see cref="SlavePath"/> with <see cref="SerialDevice.Open"/>, exactly as it opens a real USB
/// dongle, so every byte crosses a real tty line discipline.
/// </summary>
public sealed class PseudoTerminal : IDisposable
{
    private PseudoTerminal(TtyStream master, string slavePath)
    {
        Master = master;
        SlavePath = slavePath;
    }

    /// <summary>The simulator's side. Reads wait (rather than fail) while no driver has the slave open.</summary>
    public TtyStream Master { get; }

    /// <summary>Path of the slave device, for example <c>/dev/pts/7</c>.</summary>
    public string SlavePath { get; }

    /// <summary>Opens a new pair.</summary>
    /// <exception cref="IOException">The system refused to create a pseudo-terminal.</exception>
    public static unsafe PseudoTerminal Open()
    {
        int fd = LibC.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0)
        {
            throw new IOException($"posix_openpt failed (errno {Marshal.GetLastPInvokeError()}); is /dev/ptmx available?");
        }

        if (LibC.grantpt(fd) != 0 || LibC.unlockpt(fd) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            _ = LibC.close(fd);
            throw new IOException($"grantpt/unlockpt failed (errno {errno}).");
        }

        Span<byte> name = stackalloc byte[128];
        fixed (byte* p = name)
        {
            if (LibC.ptsname_r(fd, p, (nuint)name.Length) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                _ = LibC.close(fd);
                throw new IOException($"ptsname_r failed (errno {errno}).");
            }
        }

        string slave = Encoding.ASCII.GetString(name[..name.IndexOf((byte)0)]);
        return new PseudoTerminal(new TtyStream(fd, "pty master of " + slave, waitWhileHungUp: true), slave);
    }

    /// <summary>Closes the master: the slave side sees a hang-up, as when a USB dongle is pulled out.</summary>
    public void Dispose() => Master.Dispose();
}
