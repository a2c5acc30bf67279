namespace Aizu.Files.Native;

/// <summary>The libc calls .NET does not offer for a directory: it refuses to open one as a file.</summary>
internal static partial class DirectoryLibC
{
    internal const int O_RDONLY = 0x0;
    internal const int O_CLOEXEC = 0x80000;
    internal const int EINTR = 4;

    /// <summary>
    /// O_DIRECTORY of the running process' Linux ABI. It is 0200000 in the generic ABI (x86-64, RISC-V) but 040000 on
    /// ARM and AArch64, where 0200000 is O_DIRECT, which a directory refuses (EINVAL): with the x86-64 value a
    /// Raspberry Pi could not open a directory to flush it, and every atomic write failed.
    /// </summary>
    internal static int O_DIRECTORY => DirectoryFlag(RuntimeInformation.ProcessArchitecture);

    /// <summary>O_DIRECTORY on <paramref name="architecture"/> (Linux's asm/fcntl.h of each).</summary>
    internal static int DirectoryFlag(Architecture architecture) =>
        architecture is Architecture.Arm or Architecture.Arm64 or Architecture.Armv6 ? 0x4000 : 0x10000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int close(int fd);
}
