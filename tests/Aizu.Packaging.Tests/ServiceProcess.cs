using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Aizu.Packaging.Tests;

/// <summary>The service's <c>ExecStart</c> run by <c>runuser</c> as the service user, until it announces its panel.</summary>
internal sealed partial class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _panel = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ServiceProcess Start(IEnumerable<string> runuserArguments, string workingDirectory)
    {
        var info = new ProcessStartInfo("runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in runuserArguments)
        {
            info.ArgumentList.Add(argument);
        }

        var service = new ServiceProcess(new Process { StartInfo = info });
        service._process.OutputDataReceived += (_, e) => service.OnLine(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.OnLine(e.Data);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    public async Task<Uri> PanelAsync(TimeSpan limit)
    {
        try
        {
            return await _panel.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The service printed no panel address within {limit}. Output:{Environment.NewLine}{Output}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (PanelLine().Match(line) is { Success: true } match)
        {
            _panel.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"^Aizu panel: (http://\S+)$")]
    private static partial Regex PanelLine();
}
