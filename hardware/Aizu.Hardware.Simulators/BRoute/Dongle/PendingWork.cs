namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// The firmware's delayed actions (scan results, PANA steps, meter answers), tracked so an unplug can cancel them
/// and wait until none of them can print any more.
/// </summary>
internal sealed class PendingWork
{
    private readonly ILogger logger;
    private readonly CancellationToken stopping;
    private readonly Lock sync = new();
    private readonly HashSet<Task> running = [];

    public PendingWork(ILogger logger, CancellationToken stopping)
    {
        this.logger = logger;
        this.stopping = stopping;
    }

    public void Start(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(() => RunAsync(work), CancellationToken.None);
        lock (sync)
        {
            if (!task.IsCompleted)
            {
                running.Add(task);
            }
        }

        _ = task.ContinueWith(Forget, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async Task DrainAsync()
    {
        Task[] snapshot;
        lock (sync)
        {
            snapshot = [.. running];
        }

        // RunAsync never throws, so WhenAll only waits.
        await Task.WhenAll(snapshot);
    }

    private void Forget(Task task)
    {
        lock (sync)
        {
            running.Remove(task);
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> work)
    {
        try
        {
            await work(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Unplugged or disposed while waiting.
        }
#pragma warning disable CA1031 // A failing timer must not take the simulator down; it is logged instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.WorkFailed(e);
        }
    }
}
