namespace Aizu.Hardware.Dsmr;

/// <summary>What a telegram says about one phase; each value is null when the meter did not send it.</summary>
/// <param name="Voltage">Instantaneous voltage, V (1-0:32.7.0, 52.7.0, 72.7.0).</param>
/// <param name="Current">Instantaneous current, A (1-0:31.7.0, 51.7.0, 71.7.0).</param>
/// <param name="PowerImport">Instantaneous active power drawn, W (1-0:21.7.0, 41.7.0, 61.7.0).</param>
/// <param name="PowerExport">Instantaneous active power fed back, W (1-0:22.7.0, 42.7.0, 62.7.0).</param>
public sealed record DsmrPhase(decimal? Voltage, decimal? Current, decimal? PowerImport, decimal? PowerExport)
{
    /// <summary>Import minus export, W, or null when neither was sent.</summary>
    public decimal? NetPower => PowerImport is null && PowerExport is null ? null : (PowerImport ?? 0) - (PowerExport ?? 0);
}
