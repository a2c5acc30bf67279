namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/today</c>. Energies are null when no register value was stored today.</summary>
internal sealed record TodaySummary(
    DateOnly Date,
    string TimeZone,
    double? ImportKWh,
    double? ExportKWh,
    double? LatestPowerW,
    DateTimeOffset? LatestAt)
{
    /// <summary>Gas used since local midnight (m³) from an M-Bus gas meter; null when the home has no gas series.</summary>
    public double? GasM3 { get; init; }

    /// <summary>Water used since local midnight (m³) from an M-Bus water meter; null when the home has no water series.</summary>
    public double? WaterM3 { get; init; }
}
