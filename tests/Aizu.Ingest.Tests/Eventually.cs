using System.Diagnostics;

namespace Aizu.Ingest.Tests;

/// <summary>Waits for a condition instead of sleeping for a guessed time.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, Action? meanwhile = null, string? what = null)
    {
        var timeout = TimeSpan.FromSeconds(15);
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}.");
            }

            meanwhile?.Invoke();
            await Task.Delay(5);
        }
    }
}
