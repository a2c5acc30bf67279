namespace Aizu.Consent;

/// <summary>
/// What a grant can release. Deliberately a closed list: instantaneous power or current has no
/// category, so no grant can ever name it.
/// </summary>
public static class DataCategories
{
    /// <summary>Energy drawn from the grid over the aggregation period, Wh.</summary>
    public const string ElectricImportEnergy = "elec.import.energy";

    /// <summary>Energy fed to the grid over the aggregation period, Wh.</summary>
    public const string ElectricExportEnergy = "elec.export.energy";

    /// <summary>PV generation over the aggregation period, Wh.</summary>
    public const string PvGenerationEnergy = "pv.generation.energy";

    /// <summary>Indoor climate summary (mean temperature, humidity, CO2) over the period.</summary>
    public const string IndoorEnvironmentSummary = "indoor.env.summary";

    /// <summary>The household's "I'm safe" acknowledgement of a city alert.</summary>
    public const string AlertAcknowledgement = "alert.ack";

    /// <summary>All categories.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ElectricImportEnergy, ElectricExportEnergy, PvGenerationEnergy, IndoorEnvironmentSummary, AlertAcknowledgement];

    /// <summary>True if <paramref name="value"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);
}
