namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>A stable device path that follows the dongle from pty to pty, as udev's <c>/dev/serial/by-id</c> links do.</summary>
internal sealed class DeviceSymlink
{
    private readonly string path;

    public DeviceSymlink(string path) => this.path = path;

    public void PointTo(string target)
    {
        Remove();
        File.CreateSymbolicLink(path, target);
    }

    /// <exception cref="IOException">Something other than a symbolic link is at the path; we never delete that.</exception>
    public void Remove()
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            info.Delete();
        }
        else if (info.Exists)
        {
            throw new IOException($"{path} exists and is not a symbolic link; the simulator will not replace it.");
        }
    }
}
