namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// strace attached to a running process (every thread), killing it with SIGKILL at the n-th call of the syscalls given
/// from now on, as a power cut at that moment would; disposing detaches strace (SIGTERM) if the call never came.
/// </summary>
internal sealed class KillAtSyscall : IAsyncDisposable
{
    private static readonly TimeSpan AttachLimit = TimeSpan.FromSeconds(30);
    private readonly Process strace;

    private KillAtSyscall(Process strace) => this.strace = strace;

    /// <summary>Attaches to <paramref name="processId"/> and returns once every thread it has is traced.</summary>
    public static async Task<KillAtSyscall> AttachAsync(int processId, string syscalls, int at)
    {
        var info = new ProcessStartInfo("strace") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in (string[])["-f", "-qq", "-o", "/dev/null", "-e", $"trace={syscalls}", "-e", $"inject={syscalls}:signal=SIGKILL:when={at}",
            "-p", processId.ToString(CultureInfo.InvariantCulture)])
        {
            info.ArgumentList.Add(argument);
        }

        var strace = Process.Start(info) ?? throw new InvalidOperationException("strace did not start");
        var deadline = DateTime.UtcNow + AttachLimit;
        while (!EveryThreadTraced(processId))
        {
            if (strace.HasExited || DateTime.UtcNow > deadline)
            {
                var error = strace.HasExited ? await strace.StandardError.ReadToEndAsync() : "";
                strace.Kill();
                strace.Dispose();
                throw new InvalidOperationException($"strace did not attach to {processId}: {error}");
            }

            await Task.Delay(20);
        }

        return new KillAtSyscall(strace);
    }

    /// <summary>Whether strace has ended (it does when its tracee was killed).</summary>
    public bool HasEnded => strace.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!strace.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", strace.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        await strace.WaitForExitAsync();
        strace.Dispose();
    }

    // A thread the tracer has not reached yet could still make the call untraced.
    private static bool EveryThreadTraced(int processId)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{processId}/task").All(task =>
                File.ReadLines(Path.Combine(task, "status")).FirstOrDefault(l => l.StartsWith("TracerPid:", StringComparison.Ordinal)) is { } line
                && line["TracerPid:".Length..].Trim() != "0");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
