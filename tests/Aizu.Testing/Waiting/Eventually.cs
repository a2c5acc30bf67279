namespace Aizu.Testing;

/// <summary>
/// Waits for a condition that background work makes true, with a time-out instead of a guessed sleep:
/// the way tests synchronise with hosted services, drivers and servers.
/// </summary>
public static class Eventually
{
    /// <summary>
    /// How long a condition may take unless a test says otherwise. Generous on purpose: it only matters
    /// when a test fails, and a shared, loaded machine must not turn slowness into a failure.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Completes when <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming
    /// <paramref name="what"/> after <paramref name="timeout"/>. <paramref name="meanwhile"/> runs between
    /// polls (to advance a fake clock, for instance).
    /// </summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Action? meanwhile = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout ?? DefaultTimeout, () => what, meanwhile);

    /// <summary>Asynchronous-condition form of <see cref="TrueAsync(Func{bool}, string, TimeSpan?, Action?)"/>.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(condition, timeout ?? DefaultTimeout, () => what);

    /// <summary>As above, with the failure text built only on failure (to include a server's output, say).</summary>
    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, Func<string> what) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>As above, with an asynchronous condition.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what, Action? meanwhile = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(what);
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                // One last look: the deadline, not a poll that happened to run early, decides.
                if (await condition())
                {
                    return;
                }

                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what()}");
            }

            meanwhile?.Invoke();
            await Task.Delay(Poll);
        }
    }

    /// <summary>The result of <paramref name="task"/>, or a <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task<T> WithinAsync<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = timeout ?? DefaultTimeout;
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}");
        }
    }
}
