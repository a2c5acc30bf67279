using System.Runtime.InteropServices;

namespace Aizu.Files.Native;

/// <summary>The libc calls .NET does not offer for a directory: it refuses to open one as a file.</summary>
internal static partial class DirectoryLibC
{
    internal const int O_RDONLY = 0x0;
    internal const int O_DIRECTORY = 0x10000;
    internal const int O_CLOEXEC = 0x80000;
    internal const int EINTR = 4;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int close(int fd);
}
