namespace Aizu.Storage.Tests;

/// <summary>A free-space probe a test sets by hand, or answers from a function (to model space coming back).</summary>
internal sealed class FakeFreeSpace : IFreeSpaceProbe
{
    public long AvailableBytes { get; set; } = 100L * 1024 * 1024 * 1024;

    public long TotalBytes { get; set; } = 1024L * 1024 * 1024 * 1024;

    public Func<long>? Answer { get; set; }

    public int Calls { get; private set; }

    public long GetAvailableBytes(string directory)
    {
        Calls++;
        return Answer?.Invoke() ?? AvailableBytes;
    }

    public long GetTotalBytes(string directory) => TotalBytes;
}
