namespace Aizu.Hardware.Serial.Tty;

/// <summary>Opens a serial tty (for example <c>/dev/ttyUSB0</c>) in raw mode.</summary>
public static class SerialDevice
{
    /// <summary>Opens <paramref name="path"/> and configures the line.</summary>
    /// <exception cref="IOException">The device does not exist, is busy, or refused the settings; the message says which.</exception>
    public static unsafe TtyStream Open(string path, SerialSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(settings);
        uint speed = SpeedConstant(settings.BaudRate);
        if (settings.DataBits is not (7 or 8))
        {
            throw new ArgumentException($"Data bits must be 7 or 8, not {settings.DataBits}.", nameof(settings));
        }

        int fd = LibC.open(path, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException(errno switch
            {
                2 => $"{path} does not exist: is the dongle plugged in?",
                13 => $"Permission denied opening {path}: add the gateway's user to the 'dialout' group.",
                16 => $"{path} is busy: another program has it open.",
                _ => $"Cannot open {path} (errno {errno}).",
            });
        }

        byte* termios = stackalloc byte[LibC.TermiosBufferSize];
        new Span<byte>(termios, LibC.TermiosBufferSize).Clear();
        if (LibC.tcgetattr(fd, termios) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            _ = LibC.close(fd);
            throw new IOException($"{path} is not a serial device (tcgetattr errno {errno}).");
        }

        LibC.cfmakeraw(termios);
        ref uint cflag = ref *(uint*)(termios + LibC.CflagOffset);
        cflag &= ~(LibC.CSIZE | LibC.PARENB | LibC.PARODD | LibC.CSTOPB | LibC.CRTSCTS | LibC.HUPCL);
        cflag |= LibC.CREAD | LibC.CLOCAL | (settings.DataBits == 7 ? LibC.CS7 : LibC.CS8);
        cflag |= settings.Parity switch
        {
            SerialParity.Even => LibC.PARENB,
            SerialParity.Odd => LibC.PARENB | LibC.PARODD,
            _ => 0u,
        };
        if (settings.TwoStopBits)
        {
            cflag |= LibC.CSTOPB;
        }

        if (LibC.cfsetspeed(termios, speed) != 0 || LibC.tcsetattr(fd, LibC.TCSANOW, termios) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            _ = LibC.close(fd);
            throw new IOException($"{path} refused {settings.BaudRate} baud {settings.DataBits}{settings.Parity.ToString()[0]}{(settings.TwoStopBits ? 2 : 1)} (errno {errno}).");
        }

        // Drop whatever a previous session left in the queues so the first line we read is fresh.
        _ = LibC.tcflush(fd, LibC.TCIOFLUSH);
        return new TtyStream(fd, path, waitWhileHungUp: false);
    }

    // Linux <asm-generic/termbits.h> speed codes, the same on x86_64 and aarch64.
    private static uint SpeedConstant(int baud) => baud switch
    {
        1200 => 0x9,
        2400 => 0xB,
        4800 => 0xC,
        9600 => 0xD,
        19200 => 0xE,
        38400 => 0xF,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        460800 => 0x1004,
        921600 => 0x1007,
        _ => throw new ArgumentException($"Unsupported baud rate {baud}.", nameof(baud)),
    };
}
