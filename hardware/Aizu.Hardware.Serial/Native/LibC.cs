namespace Aizu.Hardware.Serial.Native;

/// <summary>The few libc calls a tty needs; Linux only (the gateway's platform).</summary>
internal static partial class LibC
{
    internal const int O_RDWR = 0x2;
    internal const int O_NOCTTY = 0x100;
    internal const int O_NONBLOCK = 0x800;
    internal const short POLLIN = 0x1;
    internal const short POLLERR = 0x8;
    internal const short POLLHUP = 0x10;
    internal const int EINTR = 4;
    internal const int EAGAIN = 11;
    internal const int EIO = 5;
    internal const int O_CLOEXEC = 0x80000;
    internal const int EFD_CLOEXEC = 0x80000;
    internal const int EFD_NONBLOCK = 0x800;
    internal const int TCSANOW = 0;
    internal const int TCIOFLUSH = 2;

    // glibc's struct termios is laid out the same on x86_64 and aarch64: four 32-bit flag words,
    // c_line, c_cc[32], then the two speeds (60 bytes). The buffer is larger to leave margin.
    internal const int TermiosBufferSize = 128;
    internal const int CflagOffset = 8;
    internal const uint CSIZE = 0x30;
    internal const uint CS7 = 0x20;
    internal const uint CS8 = 0x30;
    internal const uint CSTOPB = 0x40;
    internal const uint CREAD = 0x80;
    internal const uint PARENB = 0x100;
    internal const uint PARODD = 0x200;
    internal const uint HUPCL = 0x400;
    internal const uint CLOCAL = 0x800;
    internal const uint CRTSCTS = 0x80000000;

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int posix_openpt(int flags);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int grantpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int unlockpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int ptsname_r(int fd, byte* buf, nuint buflen);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial nint read(int fd, byte* buf, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial nint write(int fd, byte* buf, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int poll(PollFd* fds, nuint nfds, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int eventfd(uint initval, int flags);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc")]
    internal static unsafe partial void cfmakeraw(byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int cfsetspeed(byte* termios, uint speed);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int tcflush(int fd, int queueSelector);
}
