namespace Aizu.Testing;

/// <summary>
/// What a gateway process prints (standard output and error, as one log) and the panel address it announces
/// with <c>Aizu panel: http://…</c>, for any way of starting the program.
/// </summary>
public sealed partial class AnnouncedPanel
{
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _panel = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Everything printed so far.</summary>
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

    /// <summary>Starts <paramref name="process"/> (its output redirected) and collects what it prints.</summary>
    public static AnnouncedPanel Start(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var announced = new AnnouncedPanel();
        process.OutputDataReceived += (_, e) => announced.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => announced.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return announced;
    }

    /// <summary>The panel address, once printed; a <see cref="TimeoutException"/> naming <paramref name="who"/> with the output otherwise.</summary>
    public async Task<Uri> WaitAsync(TimeSpan limit, string who)
    {
        try
        {
            return await _panel.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{who} printed no panel address within {limit}. Output:{Environment.NewLine}{Output}");
        }
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
