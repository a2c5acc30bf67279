namespace Aizu.Packaging.Tests;

/// <summary>The service's <c>ExecStart</c> run by <c>runuser</c> as the service user, until it announces its panel.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly AnnouncedPanel _panel;

    private ServiceProcess(Process process)
    {
        _process = process;
        _panel = AnnouncedPanel.Start(process);
    }

    public string Output => _panel.Output;

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

        return new ServiceProcess(new Process { StartInfo = info });
    }

    public Task<Uri> PanelAsync(TimeSpan limit) => _panel.WaitAsync(limit, "The service");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
