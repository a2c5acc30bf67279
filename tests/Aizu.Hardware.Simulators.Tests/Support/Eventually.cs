namespace Aizu.Hardware.Simulators.Tests.Support;

/// <summary>Waits for a condition that other threads make true, with a timeout instead of a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + HostConnection.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting until " + what);
            await Task.Delay(5);
        }
    }
}
