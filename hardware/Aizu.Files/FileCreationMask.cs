namespace Aizu.Files;

/// <summary>
/// The process's umask. The gateway's files (readings, the consent ledger, the PAN cache with the meter's
/// address, keys) belong to the household alone; SQLite, the atomic writer and ASP.NET create them with the
/// usual 0644/0755, so the mask is what keeps every one of them, and the WAL and SHM files SQLite adds
/// later, private without each writer passing a mode.
/// </summary>
public static class FileCreationMask
{
    private const uint GroupAndOthers = 0b000_111_111; // 077

    /// <summary>New files become 0600 and new directories 0700 (no-op on Windows).</summary>
    public static void OwnerOnly()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = ProcessLibC.umask(GroupAndOthers);
        }
    }
}
