namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// A household's smart meter as the store would see it: the cumulative import register (kWh) driven
/// by <see cref="HouseholdLoadProfile"/>, plus the instantaneous power that must never leave. The city
/// demo's households and the egress and city tests read their meters from it.
/// </summary>
public sealed class SimulatedHousehold(DateTimeOffset origin, double startRegisterKwh = 12_345.6)
{
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private readonly HouseholdLoadProfile profile = new();

    /// <summary>The register value at <paramref name="at"/>, kWh (resolution 0.01 kWh).</summary>
    public double RegisterAt(DateTimeOffset at) =>
        Math.Round(startRegisterKwh + profile.EnergyKilowattHours(Local(origin), Local(at)), 2);

    /// <summary>The readings the meter reports at <paramref name="at"/>.</summary>
    public IReadOnlyList<Reading> ReadingsAt(DateTimeOffset at) =>
    [
        new(SeriesNames.ElectricImportEnergy, at, RegisterAt(at), Units.KilowattHour),
        new(SeriesNames.ElectricPower, at, Math.Round(profile.PowerWatts(Local(at))), Units.Watt),
    ];

    private static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Japan).DateTime;
}
