namespace Aizu.Readings;

/// <summary>
/// Names of the series the gateway knows. A name is category-like (<c>elec.import.power</c>) so
/// that consent categories and storage queries can refer to it without a lookup table.
/// </summary>
public static class SeriesNames
{
    /// <summary>Instantaneous active power at the meter, W; negative means export.</summary>
    public const string ElectricPower = "elec.power";

    /// <summary>Instantaneous current of the R (first) phase, A.</summary>
    public const string ElectricCurrentR = "elec.current.r";

    /// <summary>Instantaneous current of the T (second) phase, A.</summary>
    public const string ElectricCurrentT = "elec.current.t";

    /// <summary>Cumulative energy drawn from the grid (normal direction), kWh, as the meter register shows it.</summary>
    public const string ElectricImportEnergy = "elec.import.energy";

    /// <summary>Cumulative energy fed to the grid (reverse direction), kWh.</summary>
    public const string ElectricExportEnergy = "elec.export.energy";
}
