namespace Aizu.Gateway.Configuration;

/// <summary>Demo-mode knobs, bound from <c>Aizu:Demo</c>.</summary>
internal sealed class DemoSettings
{
    /// <summary>Multiplies the simulated dongle's delays; below 1 the first scan and join go faster than on real radio.</summary>
    public double LatencyScale { get; set; } = 0.2;

    /// <summary>Dongle dialect to simulate: Bp35A1 or Bp35C0.</summary>
    public string Dialect { get; set; } = "Bp35A1";
}
