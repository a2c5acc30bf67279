namespace Aizu.Gateway.Processes;

/// <summary>Which other processes have a file open, from their <c>/proc/PID/fd</c> links (those this user may read).</summary>
internal static class OpenFileHolders
{
    /// <summary>"process PID (command)" for each other process holding <paramref name="path"/> open.</summary>
    public static List<string> Of(string path)
    {
        string target = ResolvedPath(path);
        var holders = new List<string>();
        if (!Directory.Exists("/proc"))
        {
            return holders;
        }

        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            string pid = Path.GetFileName(process);
            if (!int.TryParse(pid, out int id) || id == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget == target)
                    {
                        string command = File.ReadAllText(Path.Combine(process, "comm")).Trim();
                        holders.Add($"process {pid} ({command})");
                        break;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's: not ours to see.
            }
        }

        return holders;
    }

    // A file that is gone (an interrupted erase removed it) has no link to follow, and nobody can hold it open.
    private static string ResolvedPath(string path) =>
        (File.Exists(path) ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName : null) ?? Path.GetFullPath(path);
}
