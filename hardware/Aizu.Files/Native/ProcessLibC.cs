namespace Aizu.Files.Native;

/// <summary>The libc call .NET does not offer for the process's file-creation mask.</summary>
internal static partial class ProcessLibC
{
    [LibraryImport("libc")]
    internal static partial uint umask(uint mask);
}
