namespace Aizu.Storage;

/// <summary>Measures free space with <see cref="DriveInfo"/> on the database's folder (on Linux, the mount holding it).</summary>
public sealed class DriveFreeSpaceProbe : IFreeSpaceProbe
{
    /// <inheritdoc />
    public long GetAvailableBytes(string directory) => new DriveInfo(directory).AvailableFreeSpace;

    /// <inheritdoc />
    public long GetTotalBytes(string directory) => new DriveInfo(directory).TotalSize;
}
