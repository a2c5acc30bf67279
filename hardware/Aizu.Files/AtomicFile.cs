namespace Aizu.Files;

/// <summary>
/// Writes a small file so that a power cut or a crash leaves the old content or the new one, never half of it:
/// the content goes to a temporary file beside the target (a fresh name each write, so concurrent writers never share
/// one), gets its mode before anyone can open it by the final name, is flushed to disk, renamed over the target, and
/// the directory is flushed too so the rename itself survives a power cut. On any failure the temporary file is
/// removed and the target is left as it was.
/// </summary>
public static class AtomicFile
{
    /// <summary>Owner read and write only (0600), for secrets and credentials.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Refuses a secret that others may read (any permission beyond <see cref="OwnerOnly"/>), with a message that starts
    /// with <paramref name="described"/> (what the file is and where) and says how to fix it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file may be read by others.</exception>
    public static void ThrowIfReadableByOthers(string path, string described)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & ~OwnerOnly) != 0)
        {
            throw new InvalidOperationException(
                $"{described} may be read by others (mode {Convert.ToString((int)mode, 8)}); run chmod 600 on it.");
        }
    }

    /// <summary>Creates or replaces <paramref name="path"/> with what <paramref name="write"/> puts in the stream.</summary>
    /// <param name="path">The file; its directory is created when missing.</param>
    /// <param name="write">Writes the whole content; the stream is flushed to disk after it returns.</param>
    /// <param name="mode">The new file's permissions, exactly (not narrowed by the umask); null for the usual default.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left as it was.</param>
    public static Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, UnixFileMode? mode, CancellationToken cancellationToken) =>
        WriteAsync(path, write, mode, replace: true, cancellationToken);

    /// <summary>
    /// Creates <paramref name="path"/> only if there is no such file; false when there is one already, also when
    /// another writer created it first. For things that must never be replaced silently, such as a signing key.
    /// </summary>
    /// <inheritdoc cref="WriteAsync(string, Func{Stream, CancellationToken, Task}, UnixFileMode?, CancellationToken)" path="/param"/>
    public static Task<bool> TryCreateAsync(string path, Func<Stream, CancellationToken, Task> write, UnixFileMode? mode, CancellationToken cancellationToken) =>
        WriteAsync(path, write, mode, replace: false, cancellationToken);

    private static async Task<bool> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, UnixFileMode? mode, bool replace, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{path} names no file.", nameof(path));
        Directory.CreateDirectory(directory);
        if (!replace && File.Exists(target))
        {
            return false;
        }

        // Hidden and unique: a directory listing does not show it, and two writers never open the same one.
        string temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
            };
            if (mode is { } createMode && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = createMode;
            }

            await using (var stream = new FileStream(temporary, options))
            {
                if (mode is { } exactMode && !OperatingSystem.IsWindows())
                {
                    // The create mode is narrowed by the umask; the caller asked for exactly this one.
                    File.SetUnixFileMode(stream.SafeFileHandle, exactMode);
                }

                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (replace)
            {
                File.Move(temporary, target, overwrite: true);
            }
            else
            {
                try
                {
                    File.Move(temporary, target, overwrite: false);
                }
                catch (IOException) when (File.Exists(target))
                {
                    return false;
                }
            }

            SyncDirectory(directory);
            return true;
        }
        finally
        {
            RemoveQuietly(temporary);
        }
    }

    /// <summary>Flushes the directory entry, without which a renamed file can come back as the old one after a power cut.</summary>
    private static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int fd = DirectoryLibC.open(directory, DirectoryLibC.O_RDONLY | DirectoryLibC.O_DIRECTORY | DirectoryLibC.O_CLOEXEC);
        if (fd < 0)
        {
            throw new IOException($"Cannot open {directory} to flush it to disk (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            int result;
            do
            {
                result = DirectoryLibC.fsync(fd);
            }
            while (result != 0 && Marshal.GetLastPInvokeError() == DirectoryLibC.EINTR);

            if (result != 0)
            {
                throw new IOException($"Cannot flush {directory} to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = DirectoryLibC.close(fd);
        }
    }

    private static void RemoveQuietly(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The write already failed or succeeded; a leftover hidden temporary file is not worth a second error.
        }
    }
}
