namespace Aizu.City.Analysis;

/// <summary>
/// The phases of one request and how long each took, for the <c>Server-Timing</c> response header
/// (<c>cells;dur=3.1, rules;dur=20.4, …</c>, milliseconds): a table's cost can then be split per request from outside,
/// by the benchmark or a browser's developer tools, without a profiler on the server.
/// </summary>
internal sealed class ServerTiming(TimeProvider time)
{
    /// <summary>The response header's name.</summary>
    public const string HeaderName = "Server-Timing";

    private readonly List<(string Phase, double Milliseconds)> phases = [];
    private long start = time.GetTimestamp();

    /// <summary>Ends the phase <paramref name="phase"/> (which began when the last one ended) and starts the next.</summary>
    public void End(string phase)
    {
        var now = time.GetTimestamp();
        phases.Add((phase, time.GetElapsedTime(start, now).TotalMilliseconds));
        start = now;
    }

    /// <summary>The header's value.</summary>
    public string Header()
    {
        var header = new StringBuilder();
        foreach (var (phase, milliseconds) in phases)
        {
            header.Append(CultureInfo.InvariantCulture, $"{(header.Length == 0 ? "" : ", ")}{phase};dur={milliseconds:F1}");
        }

        return header.ToString();
    }
}
