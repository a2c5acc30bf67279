using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Aizu.Panel.Benchmarks;

/// <summary>
/// The real gateway (aizu.dll) as its own process, in demo mode so the simulated meter streams live power
/// to the panel's clients, over the benchmark's store; and its resident memory from /proc.
/// </summary>
internal sealed partial class GatewayUnderTest : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> panel = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayUnderTest(Process process) => this.process = process;

    public static GatewayUnderTest Start(string workingDirectory, string configPath)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aizu.dll"));
        foreach (var argument in new[] { "run", "--demo", "--config", configPath, "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var gateway = new GatewayUnderTest(process);
        process.OutputDataReceived += (_, e) => gateway.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return gateway;
    }

    public Task<Uri> PanelAsync() => panel.Task.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Resident set size in bytes (VmRSS).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("No VmRSS in /proc status.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is not null && PanelLine().Match(line) is { Success: true } match)
        {
            panel.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"^Aizu panel: (http://\S+)$")]
    private static partial Regex PanelLine();
}
