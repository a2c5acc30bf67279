namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// A small file system of its own (a size-limited tmpfs) for a gateway's working directory, which a test fills to the
/// last byte and frees again. Mounting needs root, which CI has; elsewhere the test fails and says so.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private readonly TemporaryDirectory _mountPoint = new();
    private readonly string _filler;

    private SmallDisk(int megabytes)
    {
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0755", "aizu-small-disk", _mountPoint.Path);
        _filler = System.IO.Path.Combine(Path, "filler.bin");
    }

    /// <summary>Where the file system is mounted.</summary>
    public string Path => _mountPoint.Path;

    /// <summary>Mounts a file system of <paramref name="megabytes"/> MB.</summary>
    public static SmallDisk Mount(int megabytes)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            throw new InvalidOperationException("The disk-full tests mount a small tmpfs and so must run as root (CI does: bash .ci/run).");
        }

        return new SmallDisk(megabytes);
    }

    /// <summary>Takes every free byte with a filler file.</summary>
    public void Fill()
    {
        var block = new byte[64 * 1024];
        using var stream = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left: the point of the exercise. Fill the last partial block too.
            for (int size = block.Length / 2; size >= 1; size /= 2)
            {
                try
                {
                    stream.Write(block, 0, size);
                }
                catch (IOException)
                {
                    // Smaller still.
                }
            }
        }
    }

    /// <summary>Fills the disk with a filler file until only about <paramref name="bytesLeft"/> bytes are free.</summary>
    public void FillLeaving(long bytesLeft)
    {
        long take = new DriveInfo(Path).AvailableFreeSpace - bytesLeft;
        using var stream = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        var block = new byte[64 * 1024];
        for (long written = 0; written < take; written += block.Length)
        {
            stream.Write(block, 0, (int)Math.Min(block.Length, take - written));
        }
    }

    /// <summary>Gives the filler's space back.</summary>
    public void Free() => File.Delete(_filler);

    public void Dispose()
    {
        // Lazy: a process that still has a file open (a gateway being killed) must not keep the mount.
        Run("umount", "-l", Path);
        _mountPoint.Dispose();
    }

    private static void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }
}
