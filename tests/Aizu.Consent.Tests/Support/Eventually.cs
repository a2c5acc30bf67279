using System.Diagnostics;

namespace Aizu.Consent.Tests;

/// <summary>Waits for a result instead of sleeping for a guessed time.</summary>
internal static class Eventually
{
    public static async Task<T> WithinAsync<T>(Task<T> task, string what)
    {
        var timeout = TimeSpan.FromSeconds(15);
        var started = Stopwatch.GetTimestamp();
        while (!task.IsCompleted)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(5);
        }

        return await task;
    }
}
