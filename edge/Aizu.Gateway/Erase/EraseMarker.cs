namespace Aizu.Gateway.Erase;

/// <summary>
/// The file beside the database that says an erase has begun and not finished. <c>aizu erase</c> writes it (to the
/// disk, not only the cache) before it removes anything and deletes it after the last file; a power cut or a kill in
/// between leaves it, so the next <c>aizu erase --yes</c> finishes the job without asking the (half-removed)
/// database again, and <c>aizu run</c> refuses to start a gateway that holds half a household: an old panel password,
/// identity or pseudonym secret beside a new database.
/// </summary>
internal static class EraseMarker
{
    public static string For(string databasePath) => Path.GetFullPath(databasePath) + ".erasing";

    public static bool IsPresent(string databasePath) => File.Exists(For(databasePath));

    /// <summary>
    /// Writes the marker the way every other file that must survive a power cut is written (file and directory flushed
    /// to the disk): only then may the first file go.
    /// </summary>
    public static Task BeginAsync(string databasePath, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(
            For(databasePath),
            (stream, token) => stream.WriteAsync("erase in progress: run 'aizu erase --yes' to finish it\n"u8.ToArray(), token).AsTask(),
            null,
            cancellationToken);

    public static void End(string databasePath) => File.Delete(For(databasePath));
}
