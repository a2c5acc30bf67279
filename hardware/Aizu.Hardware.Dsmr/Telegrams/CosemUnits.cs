namespace Aizu.Hardware.Dsmr;

/// <summary>Which units a quantity may carry; each maps to one unit of the gateway (kWh, W, V, A, s).</summary>
internal enum CosemUnits
{
    /// <summary>kWh (×1) or Wh (×0.001), as kWh.</summary>
    Energy = 0,

    /// <summary>kW (×1000) or W (×1), as W.</summary>
    Power = 1,

    /// <summary>V.</summary>
    Voltage = 2,

    /// <summary>A.</summary>
    Current = 3,

    /// <summary>s.</summary>
    Seconds = 4,
}
