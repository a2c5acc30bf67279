namespace Aizu.Testing;

/// <summary>
/// The gateway as a user starts it: the real <c>aizu</c> program in its own process, in demo mode,
/// in a working directory of its own (where demo data is kept). The test project must reference
/// Aizu.Gateway, so that <c>aizu.dll</c> is beside the tests.
/// </summary>
public sealed partial class GatewayProcess : IAsyncDisposable
{
    // Only a failing start waits this long; a loaded shared machine takes well over 30 s to start a .NET program.
    public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    /// <summary>The environment variable naming a published <c>aizu</c> program to start instead of <c>dotnet aizu.dll</c>.</summary>
    public const string ProgramVariable = "AIZU_GATEWAY_PROGRAM";

    private readonly Process _process;
    private readonly AnnouncedPanel _panel;
    private bool _disposed;

    private GatewayProcess(Process process, string workingDirectory)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
        _panel = AnnouncedPanel.Start(process);
    }

    public string WorkingDirectory { get; }

    public string Output => _panel.Output;

    public bool HasExited => _process.HasExited;

    /// <summary>The process id, for reading its counters in /proc.</summary>
    public int Id => _process.Id;

    /// <summary>The panel setup code the gateway printed (before its panel address), or null when the panel was already claimed.</summary>
    public string? SetupCode => SetupCodeLine().Match(Output) is { Success: true } match ? match.Groups[1].Value : null;

    public static GatewayProcess Start(string workingDirectory, params string[] arguments) =>
        Start(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Starts the gateway with extra environment variables (configuration as <c>AIZU_Aizu__Section__Key</c>).</summary>
    public static GatewayProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartThrough([], workingDirectory, environment, arguments);

    /// <summary>
    /// Starts the gateway through <paramref name="launcher"/>, a command that runs the program it is given (such as
    /// <c>ip netns exec &lt;namespace&gt;</c>, which puts the gateway in a network of its own); empty, as <see cref="Start(string, IReadOnlyDictionary{string, string}, string[])"/>.
    /// The launcher must exec the program, so that <see cref="Id"/> is the gateway's own process.
    /// </summary>
    public static GatewayProcess StartThrough(IReadOnlyList<string> launcher, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(environment);
        // AIZU_GATEWAY_PROGRAM names a published gateway (the Native AOT `aizu` binary) to run instead of the
        // aizu.dll beside the tests: the same tests and benchmarks then check the build the package ships.
        var published = Environment.GetEnvironmentVariable(ProgramVariable);
        var program = string.IsNullOrEmpty(published) ? "dotnet" : published;
        var info = new ProcessStartInfo(launcher.Count == 0 ? program : launcher[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        if (launcher.Count > 0)
        {
            foreach (var word in launcher.Skip(1))
            {
                info.ArgumentList.Add(word);
            }

            info.ArgumentList.Add(program);
        }

        if (string.IsNullOrEmpty(published))
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aizu.dll"));
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new GatewayProcess(new Process { StartInfo = info }, workingDirectory);
    }

    /// <summary>The panel URL the gateway printed.</summary>
    public Task<Uri> PanelAsync() => _panel.WaitAsync(StartLimit, "The gateway");

    /// <summary>Waits until the program has printed <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"The program did not print \"{text}\". Output:{Environment.NewLine}{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Asks the program to stop as systemd or Ctrl+C would (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(StartLimit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process without warning, as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    // Idempotent: a test that stops a gateway to edit its files disposes it again at the end.
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Panel setup code: ([0-9A-Z]{5}-[0-9A-Z]{5})")]
    private static partial Regex SetupCodeLine();
}
