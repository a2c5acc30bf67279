namespace Aizu.Storage;

/// <summary>Tells how much space is free for the database; injectable so tests can fill the "disk" without filling it.</summary>
public interface IFreeSpaceProbe
{
    /// <summary>Bytes available to this process on the file system holding <paramref name="directory"/>.</summary>
    long GetAvailableBytes(string directory);

    /// <summary>Size in bytes of the file system holding <paramref name="directory"/>, so the floor can scale with small disks.</summary>
    long GetTotalBytes(string directory);
}
