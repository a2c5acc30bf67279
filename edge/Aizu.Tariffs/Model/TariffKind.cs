namespace Aizu.Tariffs;

/// <summary>How a tariff prices imported energy.</summary>
public enum TariffKind
{
    /// <summary>One price per kWh.</summary>
    Flat = 1,

    /// <summary>Prices by how much has been used in the calendar month so far (三段階料金).</summary>
    Tiered = 2,

    /// <summary>Prices by local weekday and time of day (peak, off-peak, night…).</summary>
    TimeOfUse = 3,
}
