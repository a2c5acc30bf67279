namespace Aizu.Tariffs;

/// <summary>
/// A reference day whose curve fills the rest of today in a forecast: normally the same weekday last week,
/// else yesterday. Slots of 15 minutes or an hour (the store's rollups) work best.
/// </summary>
/// <param name="Day">The local date the slots belong to; slots starting on other dates are ignored.</param>
/// <param name="Import">Imported energy of that day.</param>
/// <param name="Export">Exported energy of that day; empty when there is no PV.</param>
public sealed record DayProfile(DateOnly Day, IReadOnlyList<EnergySlot> Import, IReadOnlyList<EnergySlot> Export);
