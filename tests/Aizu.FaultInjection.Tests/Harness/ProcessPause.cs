namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// Freezes a process (SIGSTOP) until disposed (SIGCONT): the test then arranges the world around it (a broker
/// restarted, a subscriber back) before the process can race it, as a machine under load or a suspended VM would.
/// </summary>
internal sealed class ProcessPause : IAsyncDisposable
{
    private readonly int processId;

    private ProcessPause(int processId) => this.processId = processId;

    public static async Task<ProcessPause> StartAsync(int processId)
    {
        await SignalAsync(processId, "-STOP");
        return new ProcessPause(processId);
    }

    public async ValueTask DisposeAsync() => await SignalAsync(processId, "-CONT");

    private static async Task SignalAsync(int processId, string signal)
    {
        using var kill = Process.Start("kill", [signal, processId.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {processId} exited with {kill.ExitCode}");
        }
    }
}
