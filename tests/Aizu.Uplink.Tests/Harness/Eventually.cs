namespace Aizu.Testing.Uplink;

/// <summary>Waits for a condition with a time-out: the only way these tests synchronise with background work.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Completes when <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(what);
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            try
            {
                // Polling interval only; the condition, not the delay, is what the caller waits for.
                await Task.Delay(Poll, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                if (await condition())
                {
                    return;
                }

                throw new TimeoutException($"Timed out after {timeout}: {what()}");
            }
        }
    }

    /// <summary>Synchronous-condition overload.</summary>
    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, Func<string> what) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what);
}
