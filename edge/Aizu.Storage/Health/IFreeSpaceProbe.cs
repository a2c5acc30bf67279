namespace Aizu.Storage;

/// <summary>Tells how much space is free for the database; injectable so tests can fill the "disk" without filling it.</summary>
public interface IFreeSpaceProbe
{
    /// <summary>Bytes available to this process on the file system holding <paramref name="directory"/>.</summary>
    long GetAvailableBytes(string directory);
}
